// The demo pages' pure modules, tested directly (no browser needed): what the configurator writes
// into the snippet, and how the consent log groups the export.
import { expect, test } from '@playwright/test';
import { createHash, createHmac } from 'node:crypto';
import { buildSnippet, importMapText, quoteAttribute } from '../../demo/pages/configurator/snippet.js';
import { widgetAttributes } from '../../demo/pages/configurator/widget-attributes.js';
import { parseEntries } from '../../demo/pages/consents/admin-api.js';
import { summarizeConsents } from '../../demo/pages/consents/summarize.js';
import { optinText } from '../../demo/pages/phone/phone-text.js';
import { normalizeSender, providerRequest } from '../../demo/server/provider-payloads.mjs';

test.describe('configurator snippet', () => {
  const cases: Array<[string, string]> = [
    ['Firma', '"Firma"'],
    ['Müller & Söhne', '"Müller &amp; Söhne"'],
    ['a<b', '"a&lt;b"'],
    ['[{"type":"whatsapp"}]', `'[{"type":"whatsapp"}]'`],
    [`say "hi" it's`, `"say &quot;hi&quot; it's"`],
    ['&quot;', '"&amp;quot;"'],
  ];
  for (const [value, quoted] of cases) {
    test(`quotes ${JSON.stringify(value)} as ${quoted}`, () => {
      expect(quoteAttribute(value)).toBe(quoted);
    });
  }

  test('form values become attributes in snippet order; defaults and empty fields are left out', () => {
    const attributes = widgetAttributes({
      company: ' Firma ',
      purpose: '',
      layout: 'inline',
      lang: 'de',
      keyword: 'Start News',
      privacyPolicy: 'https://firma.example/datenschutz',
      requireCheckbox: 'on',
      'whatsapp.enabled': 'on',
      'whatsapp.phone': '+49 170 1234567',
      'telegram.phone': 'ignored: not enabled',
      'threema.enabled': 'on',
      'threema.id': ' FIRMA123 ',
    });
    expect(attributes).toEqual([
      ['company', 'Firma'],
      ['lang', 'de'],
      ['keyword', 'Start News'],
      ['privacy-policy', 'https://firma.example/datenschutz'],
      ['require-checkbox', true],
      ['channels', '[{"type":"whatsapp","phone":"+49 170 1234567"},{"type":"threema","id":"FIRMA123"}]'],
    ]);
  });

  test('the script tag carries integrity and crossorigin only when there is a hash', () => {
    const withHash = buildSnippet({
      scriptUrl: 'https://cdn.example/m.js',
      integrity: 'sha384-abc',
      attributes: [],
    });
    expect(withHash).toContain('integrity="sha384-abc"\n  crossorigin="anonymous"');
    const without = buildSnippet({ scriptUrl: 'https://cdn.example/m.js', integrity: '', attributes: [] });
    expect(without).not.toContain('integrity');
    expect(without).not.toContain('crossorigin');
  });

  test('the lazy chunks get an import map with their integrity, before the script tag', () => {
    const chunkIntegrity = {
      'https://cdn.example/chunks/b.js': 'sha384-b',
      'https://cdn.example/chunks/a.js': 'sha384-a',
    };
    const snippet = buildSnippet({
      scriptUrl: 'https://cdn.example/m.js',
      integrity: 'sha384-m',
      chunkIntegrity,
      attributes: [],
    });
    const map = /<script type="importmap">([\s\S]*?)<\/script>/.exec(snippet);
    expect(JSON.parse(map?.[1] ?? '')).toEqual({ integrity: chunkIntegrity });
    expect(snippet.indexOf('type="importmap"')).toBeLessThan(snippet.indexOf('type="module"'));
    // Sorted, so the text (and its CSP hash) does not depend on the order sri.json lists the files.
    expect(map?.[1]).toBe(importMapText({ ...chunkIntegrity }));
    expect(map?.[1]?.indexOf('a.js')).toBeLessThan(map?.[1]?.indexOf('b.js') ?? 0);
    expect(buildSnippet({ scriptUrl: 'https://cdn.example/m.js', attributes: [] })).not.toContain(
      'importmap',
    );
  });

  test('the CSP hint names the sha256 of exactly the import map text', () => {
    const chunkIntegrity = { 'https://cdn.example/chunks/a.js': 'sha384-a' };
    const text = importMapText(chunkIntegrity);
    const hash = `sha256-${createHash('sha256').update(text).digest('base64')}`;
    const snippet = buildSnippet({
      scriptUrl: 'https://cdn.example/m.js',
      chunkIntegrity,
      importMapHash: hash,
      attributes: [],
    });
    expect(snippet).toContain(`script-src '${hash}'`);
    expect(snippet).toContain(`<script type="importmap">${text}</script>`);
  });

  test('no URL can end the import map early', () => {
    const text = importMapText({ 'https://cdn.example/</script><script>alert(1)</script>.js': 'sha384-a' });
    expect(text).not.toContain('<');
    expect(Object.keys(JSON.parse(text).integrity)).toEqual([
      'https://cdn.example/</script><script>alert(1)</script>.js',
    ]);
  });
});

test.describe('consent log', () => {
  const entry = (consentId: string, type: string, receivedAt: string, record = {}, kind = 'event') => ({
    consentId,
    kind,
    type,
    receivedAt,
    record,
    redacted: false,
  });

  test('groups entries per consent, newest first, keeping channel, ref and message', () => {
    const rows = summarizeConsents([
      entry('a', 'notice_shown', '2026-01-01T10:00:00.000Z', { channel: 'whatsapp' }),
      entry('b', 'notice_shown', '2026-01-01T10:01:00.000Z', { channel: 'signal' }),
      entry('a', 'consent_given', '2026-01-01T10:02:00.000Z', { ref: 'K7Q2', message: 'Start Firma K7Q2' }),
      entry('a', 'inbound', '2026-01-01T10:03:00.000Z', {}, 'confirmation'),
    ]);
    expect(rows.map((row) => row.consentId)).toEqual(['a', 'b']);
    expect(rows[0]).toMatchObject({
      channel: 'whatsapp',
      ref: 'K7Q2',
      message: 'Start Firma K7Q2',
      types: ['notice_shown', 'consent_given', 'confirmation'],
      confirmed: true,
      firstReceivedAt: '2026-01-01T10:00:00.000Z',
      lastReceivedAt: '2026-01-01T10:03:00.000Z',
    });
  });

  test('follows each consent from pending to confirmed to withdrawn, by web and inbound entries', () => {
    const rows = summarizeConsents([
      entry('a', 'consent_given', '2026-01-01T10:00:00.000Z', { channel: 'telegram', ref: 'K7Q2X9' }),
      entry('b', 'notice_shown', '2026-01-01T10:00:30.000Z', { channel: 'signal' }),
      entry('c', 'consent_given', '2026-01-01T10:00:40.000Z', { channel: 'whatsapp' }),
      entry('a', 'message_received', '2026-01-01T10:01:00.000Z', { channel: 'telegram' }, 'inbound'),
      entry('a', 'confirmed', '2026-01-01T10:01:00.000Z', { via: 'message' }, 'inbound'),
      entry('c', 'confirmed', '2026-01-01T10:01:10.000Z', { via: 'message' }, 'inbound'),
      entry('c', 'withdrawn', '2026-01-01T10:02:00.000Z', { reason: 'stop_keyword' }, 'inbound'),
      // An opt-in that matched no consent is chained without a consentId: not a row.
      {
        ...entry('x', 'optin_without_web_consent', '2026-01-01T10:03:00.000Z', {}, 'inbound'),
        consentId: null,
      },
    ]);
    expect(Object.fromEntries(rows.map((row) => [row.consentId, row.state]))).toEqual({
      a: 'confirmed',
      b: '',
      c: 'withdrawn',
    });
    expect(rows.find((row) => row.consentId === 'a')?.types).toEqual([
      'consent_given',
      'message_received',
      'confirmed',
    ]);
  });

  test('shows at most the limit', () => {
    const entries = Array.from({ length: 80 }, (_, i) =>
      entry(`c${i}`, 'notice_shown', new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()),
    );
    const rows = summarizeConsents(entries, 50);
    expect(rows).toHaveLength(50);
    expect(rows[0]?.consentId).toBe('c79');
  });

  test('reads the export as a JSON array, an object with entries, or JSON lines', () => {
    expect(parseEntries('[\n{"a":1},\n{"a":2}\n]\n')).toEqual([{ a: 1 }, { a: 2 }]);
    expect(parseEntries('{"entries":[{"a":1}]}')).toEqual([{ a: 1 }]);
    expect(parseEntries('{"a":1}\n{"a":2}\n')).toEqual([{ a: 1 }, { a: 2 }]);
    expect(parseEntries('  ')).toEqual([]);
  });
});

test.describe('demo phone', () => {
  test('sends what the messenger app would: Telegram the START payload, the others the message', () => {
    const href = 'https://t.me/firma_news_bot?start=Start_News_Firma_K7Q2X9';
    expect(optinText({ channel: 'telegram', message: 'Start News Firma K7Q2X9', href })).toBe(
      '/start Start_News_Firma_K7Q2X9',
    );
    expect(optinText({ channel: 'telegram', message: 'Start News Firma K7Q2X9', href: 'not a url' })).toBe(
      'Start News Firma K7Q2X9',
    );
    expect(
      optinText({
        channel: 'whatsapp',
        message: 'Start News Firma K7Q2X9',
        href: 'https://wa.me/49170?text=x',
      }),
    ).toBe('Start News Firma K7Q2X9');
  });

  test('writes senders as the providers do', () => {
    expect(normalizeSender('whatsapp', ' +49 151 1234-5678 ')).toBe('4915112345678');
    expect(normalizeSender('signal', '+49 151 12345678')).toBe('+4915112345678');
    expect(normalizeSender('threema', 'abcd1234')).toBe('ABCD1234');
  });

  test('signs WhatsApp bodies as Meta does and marks Telegram commands', () => {
    const secrets = { WHATSAPP_APP_SECRET: 'meta-app-secret', WHATSAPP_PHONE_NUMBER_ID: '106540352242922' };
    const ids = { messageNumber: 42, updateId: 10000001, wamid: 'wamid.X', bridgeId: 'b' };
    const now = new Date('2026-12-05T08:00:00Z');
    const whatsapp = providerRequest({
      channel: 'whatsapp',
      from: '4917012345678',
      text: 'Stop',
      secrets,
      ids,
      now,
    });
    const expected = createHmac('sha256', 'meta-app-secret').update(whatsapp.body, 'utf8').digest('hex');
    expect(whatsapp.headers['x-hub-signature-256']).toBe(`sha256=${expected}`);
    expect(JSON.parse(whatsapp.body).entry[0].changes[0].value.messages[0]).toEqual({
      from: '4917012345678',
      id: 'wamid.X',
      timestamp: '1796457600',
      type: 'text',
      text: { body: 'Stop' },
    });
    const telegram = providerRequest({
      channel: 'telegram',
      from: '111111111',
      text: '/start Start_News_Firma_K7Q2X9',
      secrets: { TELEGRAM_WEBHOOK_SECRET: 'tg-secret' },
      ids,
      now,
    });
    expect(telegram.headers['x-telegram-bot-api-secret-token']).toBe('tg-secret');
    expect(JSON.parse(telegram.body).message).toMatchObject({
      chat: { id: 111111111, type: 'private' },
      entities: [{ offset: 0, length: 6, type: 'bot_command' }],
    });
  });
});
