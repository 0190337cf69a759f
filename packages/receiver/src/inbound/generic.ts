import { channelConfigSchema } from '@messenger-optin/sdk/schema';
import * as z from 'zod/mini';
import type { InboundEvent } from './types.js';

/** Every channel type the SDK knows, read from its config schema (the one registry). */
const channelTypes = [...(channelConfigSchema._zod.propValues?.['type'] ?? [])].map(String);

/**
 * The generic inbound endpoint's body (docs/inbound.md#routes-and-answers): for Threema Gateway, Signal
 * bridges, e-mail inbound parse and any provider without a module. The bridge checks the provider's
 * own authenticity; we check its bearer token.
 */
export const genericInboundSchema = z.strictObject({
  channel: z.string().check(
    z.refine((value) => channelTypes.includes(value), {
      message: `must be one of ${channelTypes.join(', ')}`,
    }),
  ),
  from: z.string().check(z.trim(), z.minLength(1), z.maxLength(256)),
  text: z.optional(z.string().check(z.maxLength(4096))),
  messageId: z.string().check(z.minLength(1), z.maxLength(200)),
  receivedAt: z.iso.datetime({ offset: true }),
  event: z.optional(z.enum(['message', 'unsubscribed'])),
});

export type GenericInbound = z.infer<typeof genericInboundSchema>;

export function genericEvent(input: GenericInbound): InboundEvent {
  return {
    provider: 'generic',
    channel: input.channel,
    messageId: `${input.channel}:${input.messageId}`,
    senders: [{ key: `${input.channel}:${input.from}`, address: input.from }],
    providerTime: new Date(input.receivedAt),
    content:
      input.event === 'unsubscribed'
        ? { kind: 'signal', signal: 'unsubscribed' }
        : { kind: 'text', text: input.text ?? '' },
  };
}
