// The demo pages' pure modules, tested directly (no browser needed): what the configurator writes
// into the snippet, and how the consent log groups the export.
import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { buildSnippet, importMapText, quoteAttribute } from '../../demo/pages/configurator/snippet.js';
import { widgetAttributes } from '../../demo/pages/configurator/widget-attributes.js';
import { parseEntries } from '../../demo/pages/consents/admin-api.js';
import { summarizeConsents } from '../../demo/pages/consents/summarize.js';

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
