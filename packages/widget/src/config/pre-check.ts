import type { ChannelType } from '@messenger-optin/sdk';
import { channelCount, isWebUrl, parseUrl } from '@messenger-optin/sdk';
import type { CheckedChannel, PreCheckProblem, PreCheckReason, PreCheckResult } from './types.js';

/**
 * The structural pre-check on the first-paint path (docs/architecture.md#sizes). It decides whether the
 * buttons may paint: JSON parses, required fields are present, channel types are known, URLs are
 * http(s). Everything finer (phone numbers, user names, lengths) is the full validation's job,
 * which loads in parallel and must pass before any button acts. A problem carries its reason, not
 * its sentence: the sentence is the SDK's, written when the problem is reported
 * (config/pre-check-sentences.ts), so the site owner reads the same words from both checks.
 */
export function preCheck(raw: Record<string, unknown>, knownTypes: readonly ChannelType[]): PreCheckResult {
  const fail = (code: PreCheckProblem['code'], path: string, reason: PreCheckReason): PreCheckResult => ({
    ok: false,
    problem: { code, path, reason },
  });

  const company = raw['company'];
  if (typeof company !== 'string' || company.trim() === '') {
    return fail(
      'missing-attribute',
      'company',
      company === undefined
        ? { kind: 'required', key: 'company' }
        : typeof company === 'string'
          ? { kind: 'empty' }
          : { kind: 'type', expected: 'string', value: company },
    );
  }

  let channels = raw['channels'];
  if (channels === undefined || channels === '') {
    return fail('missing-attribute', 'channels', { kind: 'required', key: 'channels' });
  }
  if (typeof channels === 'string') {
    try {
      channels = JSON.parse(channels);
    } catch (error) {
      return fail('invalid-json', 'channels', { kind: 'json', error: (error as Error).message });
    }
  }
  if (!Array.isArray(channels) || channels.length < channelCount.min) {
    return fail(
      'missing-attribute',
      'channels',
      Array.isArray(channels) ? { kind: 'no-channel' } : { kind: 'type', expected: 'array', value: channels },
    );
  }
  const checked: CheckedChannel[] = [];
  for (const [index, channel] of channels.entries()) {
    const type = (channel as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(knownTypes as readonly string[]).includes(type)) {
      return fail('unknown-channel', `channels[${index}].type`, { kind: 'channel', type, known: knownTypes });
    }
    checked.push(channel as CheckedChannel);
  }

  const privacyPolicy = raw['privacyPolicy'];
  if (typeof privacyPolicy !== 'string' || privacyPolicy.trim() === '') {
    return fail('missing-attribute', 'privacyPolicy', { kind: 'required', key: 'privacyPolicy' });
  }
  // Relative URLs (endpoint="/collect") resolve against the page, so the schema sees absolute ones.
  const urls: Record<string, string> = {};
  for (const key of ['privacyPolicy', 'endpoint'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    const url = typeof value === 'string' ? parseUrl(value.trim(), globalThis.location?.href) : undefined;
    if (url && isWebUrl(url)) urls[key] = url.href;
    else return fail('invalid-url', key, { kind: 'url', key, text: String(value) });
  }

  const texts = raw['texts'];
  return {
    ok: true,
    config: {
      company: company.trim(),
      channels: checked,
      privacyPolicy: urls['privacyPolicy'] ?? privacyPolicy,
      layout: raw['layout'] === 'floating' ? 'floating' : 'inline',
      texts: texts !== null && typeof texts === 'object' ? (texts as Record<string, string>) : {},
      raw: { ...raw, ...urls, channels },
    },
  };
}
