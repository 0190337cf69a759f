import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KEYWORDS,
  compileKeywords,
  normalizeText,
  parseMessage,
  sameMessage,
  storableText,
} from './parse.js';

const keywords = compileKeywords(DEFAULT_KEYWORDS);
const parse = (text: string, source: 'text' | 'payload' = 'text', channel = 'whatsapp') =>
  parseMessage(text, { source, channel, keywords });

// One row per row of the parsing table in docs/inbound.md (and its spec).
const table: Array<[string, string, string | undefined, string?]> = [
  ['Start News Firma K7Q2X9', 'optin', 'K7Q2X9'],
  ['  „start news firma k7q2x9“ 👍', 'optin', 'K7Q2X9'],
  ['/start Start_News_Mueller_Co_K7Q2X9', 'optin', 'K7Q2X9', 'start'],
  ['Start News Firma', 'optin', undefined],
  ['Start News Beck', 'optin', 'BECK'],
  ['START', 'optin', undefined],
  ['Newsletter Firma K7Q2X9', 'no_intent', 'K7Q2X9'],
  ['STOP', 'withdraw', undefined],
  ['Stopp bitte', 'withdraw', undefined],
  ['/stop@FirmaNewsBot', 'withdraw', undefined],
  ['Stop News Firma', 'withdraw', undefined],
  ['Meine Daten', 'access', undefined],
  ['auskunft', 'access', undefined],
  ['LÖSCHEN', 'erasure', undefined],
  ['loeschen', 'erasure', undefined],
  ['Delete my data', 'erasure', undefined],
  ['Hallo, habt ihr heute offen?', 'no_intent', undefined],
  ['/start', 'no_intent', undefined],
];

describe('parseMessage', () => {
  it.each(table)('reads %j as %s with ref %s', (text, intent, ref, trigger) => {
    const parsed = parse(text);
    expect(parsed.intent).toBe(intent);
    expect(parsed.ref).toBe(ref);
    if (trigger) expect(parsed.trigger).toBe(trigger);
  });

  it('reads a payload with - and _ as words', () => {
    expect(parse('Start-News_Firma-K7Q2X9', 'payload')).toMatchObject({
      intent: 'optin',
      ref: 'K7Q2X9',
      keywordOnly: true,
    });
    expect(parse('Stop_News_Firma', 'payload').intent).toBe('withdraw');
  });

  it('takes a 4 to 8 character code and strips punctuation around it', () => {
    expect(parse('Start News Firma K7Q2.').ref).toBe('K7Q2');
    expect(parse('Start News Firma k7q2x9ab!').ref).toBe('K7Q2X9AB');
    expect(parse('Start News Firma K7Q2X9ABC').ref).toBeUndefined();
  });

  it('removes zero-width characters and NBSP runs before comparing', () => {
    expect(parse('S\u200Btart\u00A0\u00A0News Firma K7Q2X9\uFEFF')).toMatchObject({
      intent: 'optin',
      ref: 'K7Q2X9',
    });
  });

  it('treats whole-body Twilio opt-out words as a withdrawal on sms only', () => {
    expect(parse('cancel', 'text', 'sms').intent).toBe('withdraw');
    expect(parse('cancel', 'text', 'telegram').intent).toBe('no_intent');
  });

  it('marks bare keyword phrases and payloads as safe to chain, free text not', () => {
    expect(parse('STOP').keywordOnly).toBe(true);
    expect(parse('Löschen, ich bin Max, 0170 1234567').keywordOnly).toBe(false);
    expect(parse('Löschen, ich bin Max, 0170 1234567').intent).toBe('erasure');
  });

  it('reads Ja and Yes as the second-step answer', () => {
    expect(parse('Ja!').intent).toBe('yes');
    expect(parse('yes').intent).toBe('yes');
  });

  it('honours configured keywords', () => {
    const custom = compileKeywords({ ...DEFAULT_KEYWORDS, optin: ['Newsletter'] });
    expect(
      parseMessage('Newsletter Firma K7Q2X9', { source: 'text', channel: 'sms', keywords: custom }).intent,
    ).toBe('optin');
  });
});

describe('text hygiene', () => {
  it('never lets NUL or a lone surrogate through', () => {
    const text = storableText('a\u0000b\uD800c\uDC00d😀');
    expect(text).toBe('a\uFFFDb\uFFFDc\uFFFDd😀');
    expect(normalizeText('Start\u0000 News\uD800').includes('\u0000')).toBe(false);
    expect(parse('Start News Firma K7Q2X9\u0000').ref).toBe('K7Q2X9');
  });

  it('compares a received text with the consent message ignoring case and quotes', () => {
    expect(sameMessage('„start news firma k7q2x9“', 'Start News Firma K7Q2X9')).toBe(true);
    expect(sameMessage('Start News Firma K7Q2X9 Max', 'Start News Firma K7Q2X9')).toBe(false);
  });
});
