import { describe, expect, it } from 'vitest';
import { senderHash } from './sender.js';
import {
  lineSignature,
  metaSignature,
  safeEqual,
  twilioSignature,
  urlVariants,
  viberSignature,
} from './signatures.js';

// The known-answer table of docs/inbound.md: the implementation must reproduce these exactly.
describe('signatures (known answers)', () => {
  it('Meta over the raw bytes', () => {
    expect(metaSignature('meta-app-secret', '{"object":"page","entry":[]}')).toBe(
      'sha256=5dcb51eb590634700c8d9cc1fde4d2d5981ca7bb83f250eb3fb71bfd849057ed',
    );
  });

  it('Meta signs escaped unicode, and the re-serialized body differs', () => {
    const raw = '{"text":"L\\u00f6schen"}';
    expect(metaSignature('meta-app-secret', raw)).toBe(
      'sha256=004eb163026b2f7009ce983d832b00a2c11844b0b05f3a599aca3bd6e099be4e',
    );
    const reserialized = JSON.stringify(JSON.parse(raw) as unknown);
    expect(reserialized).toBe('{"text":"Löschen"}');
    const other = metaSignature('meta-app-secret', reserialized);
    expect(other.startsWith('sha256=9043e550')).toBe(true);
    expect(other.endsWith('ff5e9a1')).toBe(true);
    expect(safeEqual(other, metaSignature('meta-app-secret', raw))).toBe(false);
  });

  it('LINE', () => {
    expect(
      lineSignature('line-channel-secret', '{"destination":"U00000000000000000000000000000000","events":[]}'),
    ).toBe('UYqjSo+a7IUsVpkL3cNh2SxDep/YJoCxQ5xe4o6dYcY=');
  });

  it('Viber', () => {
    expect(
      viberSignature(
        'viber-auth-token',
        '{"event":"webhook","timestamp":1457764197627,"message_token":241256543215}',
      ),
    ).toBe('16ef0ad6e0d5dca3ec44b6963858b2cb30f571c9b560f5a2db7d4e2ef10be8f6');
  });

  it("Twilio's documented vector", () => {
    expect(
      twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', [
        ['Digits', '1234'],
        ['CallSid', 'CA1234567890ABCDE'],
        ['To', '+18005551212'],
        ['Caller', '+14158675310'],
        ['From', '+14158675310'],
      ]),
    ).toBe('GvWf1cFY/Q7PnoempGyD5oXAezc=');
  });

  it('sender hashes', () => {
    const key = 'test-hash-key-0123456789abcdef-0123';
    expect(senderHash(key, 'whatsapp:4917012345678')).toBe(
      'd858ccd3dbcb3c056f0001d5e9cff46b0d80d692f559bb8a48aae6b288ae1493',
    );
    expect(senderHash(key, 'telegram:111111111')).toBe(
      '572f2e5cd6cc51c6d76dc38f601b40799d768f0452c4e4b4232a040b260ffd7e',
    );
  });
});

describe('safeEqual and URL forms', () => {
  it('fails on a length mismatch and on a missing header', () => {
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual(undefined, 'abc')).toBe(false);
    expect(safeEqual('abc', 'abc')).toBe(true);
  });

  it('offers the URL with and without :443', () => {
    expect(urlVariants('https://consent.firma.de/v1/inbound/twilio?x=1')).toEqual([
      'https://consent.firma.de/v1/inbound/twilio?x=1',
      'https://consent.firma.de:443/v1/inbound/twilio?x=1',
    ]);
    expect(urlVariants('http://127.0.0.1:4000/v1/inbound/twilio')).toEqual([
      'http://127.0.0.1:4000/v1/inbound/twilio',
    ]);
  });
});
