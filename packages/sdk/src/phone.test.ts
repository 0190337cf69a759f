import { describe, expect, it } from 'vitest';
import { ConfigError } from './errors.js';
import { normalizePhone, parsePhone } from './phone.js';

describe('normalizePhone', () => {
  it.each([
    ['+49 170 1234567', '+491701234567'],
    ['+49 (0)170 123-4567', '+491701234567'],
    ['+49 (0) 170 123 45 67', '+491701234567'],
    ['0049 170 1234567', '+491701234567'],
    ['0049 (0)170/1234567', '+491701234567'],
    ['+43 1 234 5678', '+4312345678'],
    ['+1 (555) 123-4567', '+15551234567'],
    ['+44 20.7946.0958', '+442079460958'],
    ['  +49\u00a0170\u00a01234567  ', '+491701234567'],
    // A bracketed trunk 0 goes whatever comes before it.
    ['(+49) (0)170 1234567', '+491701234567'],
    ['(0049) (0)170 1234567', '+491701234567'],
    // Only +49, +43 and +41 refuse a 0 after the country code: Italy's numbers keep it.
    ['+39 06 1234 5678', '+390612345678'],
    ['+1234567', '+1234567'],
    ['+123456789012345', '+123456789012345'],
  ])('reads %j as %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
    expect(expected).toMatch(/^\+[1-9][0-9]{6,14}$/);
  });

  it.each([
    ['0170 123', '"0170 123" has no country code; write it as +49 170 123…'],
    [
      '(0)170 1234567',
      '"(0)170 1234567" has no country code; write it with + and the country code, e.g. +49 170 1234567',
    ],
    ['0170-1234567', 'has no country code'],
    [
      '+49 170',
      '"+49 170" is too short (5 digits); write it with + and the country code, e.g. +49 170 1234567',
    ],
    [
      '+49 170 1234 5678 9012',
      '"+49 170 1234 5678 9012" is too long (17 digits, at most 15); check for extra digits',
    ],
    ['+49 170 CALL-NOW', '"+49 170 CALL-NOW" contains letters; write it with + and the country code'],
    ['tel:+491701234567', 'contains letters'],
    ['+49 170 1234567#1', '"+49 170 1234567#1" contains "#"'],
    ['+49 +170 1234567', 'has a "+" inside the number'],
    // Digits without + or 00 are not guessed to be international: this would be +1 701 (USA).
    [
      '170 1234567',
      '"170 1234567" has no country code; write it with + and the country code, e.g. +49 170 1234567',
    ],
    ['15551234567', '"15551234567" has no country code; write it with + and the country code'],
    ['49 (0)170 1234567', '"49 (0)170 1234567" has no country code; write it with + and the country code'],
    // A 0 after +49, +43 or +41 dials no one; the sentence shows the number without it.
    ['+49 0170 1234567', '"+49 0170 1234567": drop the 0 after +49: +49 170 1234567'],
    ['0049-0170-1234567', '"0049-0170-1234567": drop the 0 after +49: +49-170-1234567'],
    ['+43 01 234 5678', '"+43 01 234 5678": drop the 0 after +43: +43 1 234 5678'],
    ['+41 044 668 18 00', '"+41 044 668 18 00": drop the 0 after +41: +41 44 668 18 00'],
    ['+49 0 170 1234567', '"+49 0 170 1234567": drop the 0 after +49: +49 170 1234567'],
    ['+0 170 1234567', 'a country code never starts with 0'],
    ['000 170 1234567', 'a country code never starts with 0'],
    ['', 'the phone number is empty; write it with + and the country code'],
    ['   ', 'the phone number is empty'],
  ])('rejects %j: %s', (input, message) => {
    expect(() => normalizePhone(input)).toThrowError(ConfigError);
    expect(() => normalizePhone(input)).toThrowError(message);
  });

  it('puts the path in front of the message and into the issue', () => {
    try {
      normalizePhone('0170 123', 'channels[1].phone');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { issues, message } = error as ConfigError;
      expect(issues).toEqual([{ path: 'channels[1].phone', message }]);
      expect(message).toMatch(
        /^channels\[1\]\.phone: "0170 123" has no country code; write it as \+49 170 123/,
      );
    }
  });

  it('cuts a very long input in the message', () => {
    const result = parsePhone(`+49 ${'1'.repeat(100)}`);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problem).toContain(`"+49 ${'1'.repeat(36)}…" is too long (102 digits, at most 15)`);
  });
});
