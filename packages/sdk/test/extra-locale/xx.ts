/**
 * A locale that exists only for tests: everything a new locale needs in the SDK, in one file, in the
 * shape of a file under `src/notices/locales/`. A pseudo-translation of the English file (every text
 * in ⟦ ⟧), so a test sees at once which text came from this file and which fell back to English.
 * `registry.test.ts` beside it joins it to the registry.
 */
import { en } from '../../src/notices/locales/en.js';
import type { NoticeChannelTexts, NoticeTemplates } from '../../src/notices/types.js';

const pseudo = (text: string) => (text === '' ? '' : `⟦${text}⟧`);
const translate = <T extends object>(texts: T): T =>
  Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, pseudo(text as string)])) as T;

export const xx: NoticeTemplates = {
  locale: 'xx',
  version: '1',
  texts: translate(en.texts),
  channelTexts: Object.fromEntries(
    Object.entries(en.channelTexts ?? {}).map(([channel, texts]) => [
      channel,
      translate(texts as NoticeChannelTexts),
    ]),
  ),
  dialog: translate(en.dialog),
  processorTexts: {
    'whatsapp-cloud-api': { role: '⟦operating the WhatsApp Cloud API⟧', transfer: '⟦Transfers to the USA.⟧' },
  },
  // The provider facts of one messenger translated; the others stay English (a test checks both).
  providerTexts: {
    whatsapp: {
      provider: '⟦WhatsApp Ireland Limited⟧',
      seat: '⟦Dublin⟧',
      providerData: '⟦your phone number and profile⟧',
      countries: '⟦to the USA⟧',
      transfer: '⟦WhatsApp transfers data to the USA.⟧',
      identifier: '⟦your phone number⟧',
    },
  },
};
