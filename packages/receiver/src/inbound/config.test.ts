import { describe, expect, it } from 'vitest';
import { InboundConfigError, flagName, readSettings, resolveInboundConfig } from './config.js';
import { inboundProviders } from './providers.js';

const routes = [...inboundProviders.map((provider) => provider.keyVariable), 'INBOUND_TOKEN' as const];
const key = 'k'.repeat(32);
const token = 't'.repeat(32);

describe('inbound configuration', () => {
  it('is off when no route is configured', () => {
    expect(resolveInboundConfig({}, routes).config).toBeUndefined();
  });

  it('refuses a configured route without a hash key of at least 32 characters', () => {
    expect(() => resolveInboundConfig({ TELEGRAM_WEBHOOK_SECRET: 's' }, routes)).toThrow(InboundConfigError);
    expect(() =>
      resolveInboundConfig({ INBOUND_TOKEN: token, RECEIVER_HASH_KEY: 'k'.repeat(31) }, routes),
    ).toThrow(/at least 32 characters.*it has 31/);
    expect(
      resolveInboundConfig({ INBOUND_TOKEN: token, RECEIVER_HASH_KEY: key }, routes).config?.hashKey,
    ).toBe(key);
  });

  it('refuses an INBOUND_TOKEN shorter than 32 bytes, counting bytes like the admin token', () => {
    expect(() =>
      resolveInboundConfig({ INBOUND_TOKEN: 't'.repeat(31), RECEIVER_HASH_KEY: key }, routes),
    ).toThrow(/INBOUND_TOKEN is shorter than 32 bytes \(it has 31\)/);
    // 16 × 'ä' is 16 characters but 32 bytes in UTF-8: accepted.
    expect(
      resolveInboundConfig({ INBOUND_TOKEN: 'ä'.repeat(16), RECEIVER_HASH_KEY: key }, routes).config,
    ).toBeDefined();
    expect(() =>
      resolveInboundConfig({ INBOUND_TOKEN: 'ä'.repeat(15), RECEIVER_HASH_KEY: key }, routes),
    ).toThrow(/it has 30/);
  });

  it('refuses Twilio without RECEIVER_PUBLIC_URL', () => {
    expect(() => resolveInboundConfig({ TWILIO_AUTH_TOKEN: 't', RECEIVER_HASH_KEY: key }, routes)).toThrow(
      /RECEIVER_PUBLIC_URL/,
    );
  });

  it('takes RECEIVER_PUBLIC_URL only as an http(s) URL, by the SDK’s one check', () => {
    const base = { INBOUND_TOKEN: token, RECEIVER_HASH_KEY: key };
    for (const url of ['https://consent.firma.de', 'http://127.0.0.1:8080/base', 'HTTPS://Consent.Firma.de'])
      expect(resolveInboundConfig({ ...base, RECEIVER_PUBLIC_URL: url }, routes).config).toBeDefined();
    for (const url of ['consent.firma.de', 'ftp://consent.firma.de', 'javascript:alert(1)', 'https://'])
      expect(() => resolveInboundConfig({ ...base, RECEIVER_PUBLIC_URL: url }, routes)).toThrow(
        /RECEIVER_PUBLIC_URL must be an http\(s\) URL/,
      );
  });

  it('takes INBOUND_LOCALE from the reply locales and names them when it is another', () => {
    const base = { INBOUND_TOKEN: token, RECEIVER_HASH_KEY: key };
    expect(resolveInboundConfig({ ...base, INBOUND_LOCALE: 'en' }, routes).config?.locale).toBe('en');
    expect(resolveInboundConfig(base, routes).config?.locale).toBe('de');
    expect(() => resolveInboundConfig({ ...base, INBOUND_LOCALE: 'fr' }, routes)).toThrow(
      'INBOUND_LOCALE must be de or en, got fr',
    );
  });

  it('warns that no replies go out without INBOUND_COMPANY', () => {
    expect(resolveInboundConfig({ INBOUND_TOKEN: token, RECEIVER_HASH_KEY: key }, routes).warnings).toEqual([
      expect.stringContaining('INBOUND_COMPANY'),
    ]);
  });

  it('reads every variable from the environment and its kebab-case flag, the flag winning', () => {
    expect(flagName('TELEGRAM_BOT_TOKEN')).toBe('telegram-bot-token');
    const settings = readSettings(
      { TELEGRAM_BOT_TOKEN: 'from-env', INBOUND_LOCALE: 'en', INBOUND_COMPANY: '' },
      { 'telegram-bot-token': 'from-flag' },
    );
    expect(settings).toEqual({ TELEGRAM_BOT_TOKEN: 'from-flag', INBOUND_LOCALE: 'en' });
  });

  it('reads keyword lists and the match window', () => {
    const { config } = resolveInboundConfig(
      {
        INBOUND_TOKEN: token,
        RECEIVER_HASH_KEY: key,
        INBOUND_OPTIN_KEYWORDS: 'Newsletter, Start',
        INBOUND_MATCH_WINDOW_DAYS: '7',
      },
      routes,
    );
    expect(config?.matchWindowDays).toBe(7);
    expect(config?.keywords.optin).toEqual([['newsletter'], ['start']]);
    expect(() =>
      resolveInboundConfig(
        { INBOUND_TOKEN: token, RECEIVER_HASH_KEY: key, INBOUND_MATCH_WINDOW_DAYS: 'soon' },
        routes,
      ),
    ).toThrow(/INBOUND_MATCH_WINDOW_DAYS/);
  });
});
