import { describe, expect, it } from 'vitest';
import { channelMeta, channelProviders, channelTypes } from '../../src/channels/index.js';
import type { ChannelType } from '../../src/channels/types.js';
import { composeNotice } from '../../src/notices/compose.js';
import { fillPlaceholders } from '../../src/notices/fill.js';
import { en } from '../../src/notices/locales/en.js';
import { localeRegistry, noticeLocales, resolveNoticeLocale } from '../../src/notices/locales.js';
import { snapshotInput } from '../../src/notices/snapshot-cases.js';
import { xx } from './xx.js';

// The one line a new locale adds to `src/notices/locales.ts`, here kept in the test (with the
// shipped ones, loaded statically: the test needs no chunks).
const registry = localeRegistry(
  {
    de: () => import('../../src/notices/locales/de.js').then((module) => module.de),
    en: () => Promise.resolve(en),
    xx: () => Promise.resolve(xx),
  },
  'en',
);

const facts = (channel: ChannelType) => ({ ...channelMeta[channel], provider: channelProviders[channel] });

describe('a locale added in one file', () => {
  it('is picked for its language tag, by the same rule as the shipped ones', async () => {
    expect(registry.locales).toEqual(['de', 'en', 'xx']);
    expect(registry.resolve('xx-YY')).toBe('xx');
    expect(registry.resolve('XX_yy')).toBe('xx');
    expect(registry.resolve('fr')).toBe('en');
    expect(await registry.load('xx')).toBe(xx);
  });

  it.each(channelTypes)(
    'renders the %s notice from its texts alone, every placeholder filled',
    async (channel) => {
      const notice = composeNotice(await registry.load('xx'), snapshotInput(channel, 'xx'), facts(channel));
      expect(notice.id).toBe(`${channel}.xx.v1`);
      expect(notice.text.replace(/\{message\}|\{ref\}/g, 'X')).not.toMatch(/\{[A-Za-z]+\}/);
      // Every sentence is this file's: the title, the buttons and (where the provider facts are
      // translated too) each block start with its mark.
      for (const text of [notice.title, notice.confirmLabel, notice.detailsLabel])
        expect(text.startsWith('⟦')).toBe(true);
      if (!xx.providerTexts?.[channel]) return;
      for (const block of [...notice.firstLayer, ...notice.secondLayer]) {
        // The privacy block is its link alone (`privacy` is empty in English, so here too).
        expect(block.text === '' || block.text.startsWith('⟦')).toBe(true);
        if (block.link) expect(block.link.label.startsWith('⟦')).toBe(true);
      }
    },
  );

  it('takes provider facts from its own file, else from the channel file in English', () => {
    const whatsapp = composeNotice(xx, snapshotInput('whatsapp', 'xx'), facts('whatsapp'));
    expect(whatsapp.text).toContain('⟦Dublin⟧');
    expect(whatsapp.text).not.toContain('Dublin, Ireland');
    const viber = composeNotice(xx, snapshotInput('viber', 'xx'), facts('viber'));
    expect(viber.text).toContain(channelProviders.viber.seat.en);
  });

  it('translates a processor preset, and leaves a site owner’s own processor as written', () => {
    const notice = composeNotice(xx, snapshotInput('whatsapp', 'xx'), facts('whatsapp'));
    const details = notice.secondLayer.map((block) => block.text).join('\n');
    expect(details).toContain('⟦operating the WhatsApp Cloud API⟧');
    expect(details).toContain('⟦Transfers to the USA.⟧');
    expect(details).not.toContain('in which Meta processes the message content');
    // `{ de, en }` from the config: English, the locale has no say in a site owner's text.
    expect(details).toContain('Hoster GmbH');
  });

  it('carries the dialog texts with the same keys and placeholders as English', () => {
    expect(Object.keys(xx.dialog).sort()).toEqual(Object.keys(en.dialog).sort());
    const values = { channel: 'Signal', message: 'Stop News Firma' };
    expect(fillPlaceholders(xx.dialog.withdrawText, values)).toBe(
      `⟦${fillPlaceholders(en.dialog.withdrawText, values)}⟧`,
    );
  });

  it('leaves the shipped registry as it is', () => {
    expect(noticeLocales).not.toContain('xx');
    expect(resolveNoticeLocale('xx')).toBe('en');
  });
});
