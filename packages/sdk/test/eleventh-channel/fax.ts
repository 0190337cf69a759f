/**
 * A channel that exists only for tests: everything a new channel needs, in one file, written the way
 * a file under `src/channels/` is. `registry.test.ts` beside it joins it to the registry.
 */
import type { Channel, ChannelDisplay, ProviderFacts } from '../../src/channels/types.js';
import { readField } from '../../src/channels/fields.js';
import { encodeText } from '../../src/encode.js';
import { parsePhone } from '../../src/phone.js';

/** `{ "type": "fax", "phone": "+49 30 1234567" }`: a fax number that takes a cover-page note. */
export interface FaxConfig {
  type: 'fax';
  phone: string;
  label?: string | undefined;
}

export const fax: Channel<FaxConfig> = {
  type: 'fax',
  fields: { phone: parsePhone },
  link: (config, message) => ({
    href: `fax:${readField(config, 'phone', parsePhone)}?note=${encodeText(message)}`,
    prefill: 'text',
    message,
  }),
};

export const faxName = 'Fax';

export const faxMeta: ChannelDisplay = {
  prefill: 'text',
  desktop: 'qr',
  icon: { viewBox: '0 0 24 24', path: 'M4 4h16v16H4z' },
};

export const faxProvider: ProviderFacts = {
  provider: { en: 'Your telephone carrier', de: 'Ihr Telefonanbieter' },
  seat: { en: '', de: '' },
  providerData: { en: 'your number and the fax', de: 'Ihre Nummer und das Fax' },
  countries: { en: '', de: '' },
  transfer: { en: '', de: '' },
  identifier: { en: 'your fax number', de: 'Ihre Faxnummer' },
  receivedOn: 'send',
};
