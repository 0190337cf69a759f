import { describe, expect, it } from 'vitest';
import { channelTypes, checkWidgetConfig, configProblems } from '@messenger-optin/sdk';
import { preCheck } from './pre-check.js';
import { describePreCheck } from './pre-check-sentences.js';

const known = ['whatsapp', 'telegram', 'signal'] as const;
const valid = {
  company: 'Firma',
  channels: '[{"type":"whatsapp","phone":"+49 170 1234567"}]',
  privacyPolicy: 'https://example.com/privacy',
};

describe('preCheck', () => {
  it('passes a minimal config and parses the channels attribute', () => {
    const result = preCheck(valid, known);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.channels).toEqual([{ type: 'whatsapp', phone: '+49 170 1234567' }]);
    expect(result.config.layout).toBe('inline');
    expect(result.config.raw['channels']).toEqual(result.config.channels);
  });

  it('accepts channels given as an array (the property)', () => {
    const result = preCheck({ ...valid, channels: [{ type: 'signal', phone: '+491701234567' }] }, known);
    expect(result.ok).toBe(true);
  });

  it.each([
    [
      'missing company',
      { ...valid, company: undefined },
      'missing-attribute',
      'company',
      /^attribute "company": company: is required; write the business name/,
    ],
    ['blank company', { ...valid, company: '  ' }, 'missing-attribute', 'company', /"company"/],
    [
      'missing channels',
      { ...valid, channels: undefined },
      'missing-attribute',
      'channels',
      /^attribute "channels": channels: is required; list the channels/,
    ],
    [
      'empty channel list',
      { ...valid, channels: '[]' },
      'missing-attribute',
      'channels',
      /^attribute "channels": channels: needs at least 1 entry$/,
    ],
    [
      'broken JSON',
      { ...valid, channels: '[{"type":"whatsapp",}]' },
      'invalid-json',
      'channels',
      /not valid JSON/,
    ],
    [
      'unknown channel',
      { ...valid, channels: '[{"type":"whatsapp","phone":"+4917012345"},{"type":"wechat"}]' },
      'unknown-channel',
      'channels[1].type',
      /"wechat" is not a known channel; use one of whatsapp, telegram, signal/,
    ],
    [
      'channel without type',
      { ...valid, channels: '[{}]' },
      'unknown-channel',
      'channels[0].type',
      /channels\[0\]\.type: is required; use one of whatsapp, telegram, signal$/,
    ],
    [
      'missing privacy policy',
      { ...valid, privacyPolicy: undefined },
      'missing-attribute',
      'privacyPolicy',
      /^attribute "privacy-policy": privacyPolicy: is required; link your privacy policy/,
    ],
    [
      'javascript: privacy policy',
      { ...valid, privacyPolicy: 'javascript:alert(1)' },
      'invalid-url',
      'privacyPolicy',
      /^attribute "privacy-policy": privacyPolicy: "javascript:alert\(1\)" is a javascript: URL, but only http\(s\) links are allowed/,
    ],
    ['data: endpoint', { ...valid, endpoint: 'data:text/plain,x' }, 'invalid-url', 'endpoint', /"endpoint"/],
  ])('rejects %s', (_name, raw, code, path, message) => {
    const result = preCheck(raw, known);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe(code);
    expect(result.problem.path).toBe(path);
    expect(describePreCheck(result.problem)).toMatch(message);
  });

  it('hands absolute http(s) URLs to the full validation', () => {
    const result = preCheck({ ...valid, endpoint: 'http://127.0.0.1:8787/v1/events' }, known);
    expect(result.ok && result.config.raw['endpoint']).toBe('http://127.0.0.1:8787/v1/events');
  });

  it('keeps site-owner texts and the floating layout', () => {
    const result = preCheck({ ...valid, layout: 'floating', texts: { headline: 'News' } }, known);
    expect(result.ok && result.config.layout).toBe('floating');
    expect(result.ok && result.config.texts).toEqual({ headline: 'News' });
  });

  // One set of sentences: what the first paint says is what the full validation says for the same
  // mistake (docs/architecture.md#config-rules).
  it.each([
    ['missing company', { ...valid, company: undefined }],
    ['blank company', { ...valid, company: '  ' }],
    ['missing channels', { ...valid, channels: undefined }],
    ['empty channel list', { ...valid, channels: [] }],
    ['channels not a list', { ...valid, channels: { type: 'whatsapp' } }],
    ['unknown channel', { ...valid, channels: [{ type: 'wechat' }] }],
    ['channel without type', { ...valid, channels: [{}] }],
    ['missing privacy policy', { ...valid, privacyPolicy: undefined }],
    ['javascript: privacy policy', { ...valid, privacyPolicy: 'javascript:alert(1)' }],
    ['data: endpoint', { ...valid, endpoint: 'data:text/plain,x' }],
  ])('says what the full validation says: %s', (_name, raw) => {
    const pre = preCheck(raw, channelTypes);
    const full = checkWidgetConfig({ ...raw, purpose: 'News' });
    expect(pre.ok || full.ok).toBe(false);
    if (pre.ok || full.ok) return;
    const same = full.issues.filter((issue) => issue.path === pre.problem.path);
    expect(same.length).toBeGreaterThan(0);
    expect(describePreCheck(pre.problem)).toBe(configProblems(same.slice(0, 1)));
  });
});
