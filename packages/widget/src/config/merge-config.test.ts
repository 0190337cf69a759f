import { describe, expect, it } from 'vitest';
import { mergeConfig } from './merge-config.js';

describe('mergeConfig', () => {
  it('takes the JSON child as base and lets attributes win', () => {
    const result = mergeConfig(
      { company: 'Attribut GmbH', keyword: undefined, requireCheckbox: false },
      '{"company":"JSON GmbH","keyword":"Hallo","channels":[{"type":"signal","phone":"+491701234567"}]}',
    );
    expect(result).toEqual({
      ok: true,
      raw: {
        company: 'Attribut GmbH',
        keyword: 'Hallo',
        channels: [{ type: 'signal', phone: '+491701234567' }],
      },
    });
  });

  it('leaves unset fields out so the schema defaults apply', () => {
    expect(mergeConfig({ company: 'Firma', layout: undefined, impressions: false }, undefined)).toEqual({
      ok: true,
      raw: { company: 'Firma' },
    });
  });

  it('reports a JSON child that does not parse', () => {
    const result = mergeConfig({}, '{"company": "Firma",}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.code).toBe('invalid-json');
    expect(!result.ok && result.problem.message).toMatch(
      /<script type="application\/json"> config is not valid JSON/,
    );
  });

  it('takes "theme" out of the JSON for the element, so the config check does not reject it', () => {
    const result = mergeConfig({ company: 'Firma' }, '{"theme":"dark","channels":[]}');
    expect(result).toEqual({ ok: true, raw: { company: 'Firma', channels: [] }, theme: 'dark' });
  });

  it.each([
    ['privacy-policy', 'privacyPolicy'],
    ['withdraw-keyword', 'withdrawKeyword'],
    ['require-checkbox', 'requireCheckbox'],
  ])('reads an attribute name "%s" written in the JSON as "%s"', (key, camel) => {
    const result = mergeConfig({}, JSON.stringify({ company: 'Firma', [key]: 'x' }));
    expect(result).toEqual({ ok: true, raw: { company: 'Firma', [camel]: 'x' } });
  });

  it('lets the camelCase key win when the JSON has both spellings', () => {
    const result = mergeConfig(
      {},
      '{"privacyPolicy":"https://a.example/","privacy-policy":"https://b.example/"}',
    );
    expect(result).toEqual({ ok: true, raw: { privacyPolicy: 'https://a.example/' } });
  });

  it('leaves other unknown keys to the config check', () => {
    expect(mergeConfig({}, '{"data-x":1,"colour":"red"}')).toEqual({
      ok: true,
      raw: { 'data-x': 1, colour: 'red' },
    });
  });

  it('reports a JSON child that is not an object', () => {
    const result = mergeConfig({}, '[1, 2]');
    expect(!result.ok && result.problem.message).toMatch(/must be one JSON object/);
  });
});
