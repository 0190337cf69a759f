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

  it.each(channelTypes)('%s states its provider facts in German and English', (type) => {
    const facts = channelProviders[type];
    // SMS and e-mail: the business's provider comes from the config, the visitor's carrier is here.
    const own = type === 'sms' || type === 'email';
    const texts = own
      ? [facts.provider, facts.providerData, facts.identifier]
      : [facts.provider, facts.seat, facts.providerData, facts.countries, facts.transfer, facts.identifier];
    for (const text of texts) {
      expect(text.en.trim()).not.toBe('');
      expect(text.de.trim()).not.toBe('');
    }
    if (!own) expect(facts.transfer.de).toMatch(/\.$/);
    // The formal "Sie" in German, never the "du" of the old facts.
    expect(JSON.stringify(facts)).not.toMatch(/\b(dein|deine|deinen|du)\b/);
  });

  it('names the providers and their roles as the notices table does', () => {
    expect(channelProviders.whatsapp.provider.en).toBe('WhatsApp Ireland Limited');
    expect(channelProviders.whatsapp.seat.de).toBe('Dublin, Irland');
    expect(channelProviders.instagram.provider).toEqual(channelProviders.messenger.provider);
    expect(channelProviders.signal.transferConsent).toBe(true);
    for (const type of ['messenger', 'instagram', 'viber'] as const)
      expect(channelProviders[type].receivedOn).toBe('open');
    expect(channelProviders.whatsapp.dpf && channelProviders.messenger.dpf).toBe(true);
    expect(channelProviders.threema.seat.de).toContain('Pfäffikon SZ, Schweiz');
  });
});
