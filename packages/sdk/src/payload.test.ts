import { describe, expect, it } from 'vitest';
import { ConfigError } from './errors.js';
import { toPayload } from './payload.js';

describe('toPayload', () => {
  it.each([
    ['Start News Müller & Co K7Q2', 'Start_News_Mueller_Co_K7Q2'],
    ['Start News Mu\u0308ller & Co K7Q2', 'Start_News_Mueller_Co_K7Q2'],
    ['Ärger Öl Übung ß', 'Aerger_Oel_Uebung_ss'],
    ['Café Crème Ça Niño', 'Cafe_Creme_Ca_Nino'],
    ['  Start   News  ', 'Start_News'],
    ['Start\tNews\nFirma', 'Start_News_Firma'],
    ['Start, News. Firma!', 'Start_News_Firma'],
    ['a+b=c?d#e&f', 'a_b_c_d_e_f'],
    ['Bäckerei-Café', 'Baeckerei_Cafe'],
    ['snake_case stays', 'snake_case_stays'],
    ['___Start___', 'Start'],
    ['Start 👋🏽 News', 'Start_News'],
    // The spec's order (separators first, then drop other letters) keeps both separators: a
    // server that follows the same steps recomputes exactly this.
    ['Start Новости Firma', 'Start__Firma'],
    ['Łódź', 'odz'],
  ])('turns %j into %s', (message, payload) => {
    expect(toPayload(message)).toBe(payload);
  });

  it('cuts to 64 characters, Telegram’s limit', () => {
    expect(toPayload('x'.repeat(100))).toBe('x'.repeat(64));
    expect(toPayload(`Start ${'y'.repeat(100)}`)).toHaveLength(64);
  });

  it.each(['', '   ', '!!!', '株式会社', '😀'])('rejects %j, which leaves no payload', (message) => {
    expect(() => toPayload(message)).toThrowError(ConfigError);
    expect(() => toPayload(message)).toThrowError(
      /^message: .* has no letters or digits A-Z 0-9 for the bot payload/,
    );
  });
});
