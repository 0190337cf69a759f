import { describe, expect, it } from 'vitest';
import { channelMeta, channelNames, channelProviders, channels, channelTypes } from './index.js';

describe('the channel registry', () => {
  it('lists the ten channels of the spec in display order', () => {
    expect(channelTypes).toEqual([
      'whatsapp',
      'telegram',
      'messenger',
      'instagram',
      'viber',
      'threema',
      'signal',
      'sms',
      'line',
      'email',
    ]);
  });

  it('has a name, display facts and provider facts for each, and nothing else', () => {
    expect(channels.map((channel) => channel.type)).toEqual(channelTypes);
    for (const record of [channelNames, channelMeta, channelProviders])
      expect(Object.keys(record).sort()).toEqual([...channelTypes].sort());
    for (const type of channelTypes) {
      expect(channelMeta[type].type).toBe(type);
      expect(channelNames[type]).toBe(channelMeta[type].name);
    }
  });

  it.each([
    ['whatsapp', 'WhatsApp', 'text', 'qr'],
    ['telegram', 'Telegram', 'payload', 'qr'],
    ['messenger', 'Messenger', 'payload', 'direct'],
    ['instagram', 'Instagram', 'payload', 'qr'],
    ['viber', 'Viber', 'text', 'qr'],
    ['threema', 'Threema', 'text', 'qr'],
    ['signal', 'Signal', 'none', 'qr'],
    ['sms', 'SMS', 'text', 'qr'],
    ['line', 'LINE', 'text', 'qr'],
    ['email', 'E-Mail', 'text', 'direct'],
  ] as const)('%s is shown as %s, prefills %s, and on desktop uses %s', (type, name, prefill, desktop) => {
    expect(channelMeta[type]).toMatchObject({ name, prefill, desktop });
  });

  it.each(channelTypes)('%s has a small one-path 24×24 icon', (type) => {
    const { viewBox, path } = channelMeta[type].icon;
    expect(viewBox).toBe('0 0 24 24');
    expect(path.length).toBeLessThan(250);
    // Path data only: nothing that could become markup or a URL when rendered.
    expect(path).toMatch(/^M[0-9MmLlHhVvCcSsQqTtAaZz.,\s-]+$/);
  });

  it.each(channelTypes)('%s states provider, transfer and identifier in German and English', (type) => {
    const facts = channelProviders[type];
    for (const text of [facts.provider, facts.transfer, facts.identifier]) {
      expect(text.en.trim()).not.toBe('');
      expect(text.de.trim()).not.toBe('');
    }
    // Transfers are one plain sentence.
    expect(facts.transfer.en).toMatch(/\.$/);
    expect(facts.transfer.de).toMatch(/\.$/);
  });

  it('names the providers of the notices table', () => {
    expect(channelProviders.whatsapp.provider.en).toBe('WhatsApp Ireland Limited, Dublin, Ireland');
    expect(channelProviders.messenger.provider.en).toBe('Meta Platforms Ireland Limited, Dublin, Ireland');
    expect(channelProviders.instagram.provider).toEqual(channelProviders.messenger.provider);
    expect(channelProviders.signal.transfer.en).toMatch(
      /no legal mechanism .* and no representative in the EU/,
    );
    expect(channelProviders.threema.provider.de).toContain('Pfäffikon SZ, Schweiz');
    expect(channelProviders.whatsapp.identifier).toEqual({
      en: 'your phone number',
      de: 'deine Telefonnummer',
    });
  });
});
