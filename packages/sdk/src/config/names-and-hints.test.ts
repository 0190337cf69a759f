import { describe, expect, it } from 'vitest';
import { checkWidgetConfig } from './check-widget-config.js';
import { configProblems } from './names-and-hints.js';
import { attributeName, configKeys } from './option-names.js';

describe('attributeName', () => {
  it.each([
    ['channels[1].phone', 'channels'],
    ['privacyPolicy', 'privacy-policy'],
    ['withdrawKeyword', 'withdraw-keyword'],
    ['company', 'company'],
  ])('%s belongs to the attribute %s', (path, attribute) => {
    expect(attributeName(path)).toBe(attribute);
  });
});

describe('configKeys', () => {
  it('are the options checkWidgetConfig knows, no more', () => {
    const input = Object.fromEntries(configKeys.map((key) => [key, undefined]));
    const result = checkWidgetConfig({ ...input, notAnOption: 1 });
    const unknown = !result.ok && result.issues.filter((issue) => issue.message.startsWith('unknown option'));
    expect(unknown).toEqual([
      { path: '', message: 'unknown option "notAnOption"; remove it or check the spelling' },
    ]);
  });
});

describe('configProblems', () => {
  it('writes one line per issue, each naming the attribute', () => {
    const result = checkWidgetConfig({ company: 'Firma', purpose: 'News', channels: [{ type: 'sms' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = configProblems(result.issues).split('\n');
    expect(lines).toHaveLength(result.issues.length);
    expect(lines[0]).toMatch(/^attribute "channels": channels\[0\]\.phone: is required/);
    expect(lines.at(-1)).toMatch(
      /^attribute "privacy-policy": privacyPolicy: is required; link your privacy policy/,
    );
  });
});
