import { line } from './line.js';
import { meta } from './meta.js';
import { telegram } from './telegram.js';
import { twilio } from './twilio.js';
import type { InboundVariable } from './config.js';
import type { InboundProvider } from './types.js';
import { viber } from './viber.js';
import { whatsapp } from './whatsapp.js';

/**
 * The registry: the only list of webhook providers. A new provider is one module beside this one
 * and one line here (docs/inbound.md#adding-a-provider); routes, configuration checks, the outbox
 * and the setup docs read this list.
 */
export const inboundProviders = [
  telegram,
  whatsapp,
  meta,
  viber,
  line,
  twilio,
] as const satisfies readonly InboundProvider[];

export type ProviderName = (typeof inboundProviders)[number]['name'] | 'generic';

export const providerByName = (name: string): InboundProvider | undefined =>
  inboundProviders.find((provider) => provider.name === name);

/** The variables that turn an inbound route on: each provider's key, and INBOUND_TOKEN. */
export const inboundRouteVariables: readonly InboundVariable[] = [
  ...inboundProviders.map((provider) => provider.keyVariable),
  'INBOUND_TOKEN',
];
