import type { ChannelType } from '@messenger-optin/sdk';
import {
  channelCount,
  configProblem,
  emptyCompany,
  endpointProblem,
  isWebUrl,
  parseUrl,
  privacyPolicyProblem,
  requiredHints,
  tooShort,
  unknownChannel,
  wrongType,
} from '@messenger-optin/sdk';
import type { CheckedChannel, ConfigProblem, PreCheckResult } from './types.js';

/**
 * The structural pre-check on the first-paint path (docs/architecture.md#sizes). It decides whether the
 * buttons may paint: JSON parses, required fields are present, channel types are known, URLs are
 * http(s). Everything finer (phone numbers, user names, lengths) is the full validation's job,
 * which loads in parallel and must pass before any button acts. Its sentences are the SDK's
 * (docs/architecture.md#config-rules), so the site owner reads the same words from both.
 */
export function preCheck(raw: Record<string, unknown>, knownTypes: readonly ChannelType[]): PreCheckResult {
  const fail = (code: ConfigProblem['code'], path: string, problem: string): PreCheckResult => ({
    ok: false,
    problem: { code, path, message: configProblem(path, problem) },
  });
  const required = (key: keyof typeof requiredHints) => `is required; ${requiredHints[key]}`;

  const company = raw['company'];
  if (typeof company !== 'string' || company.trim() === '') {
    return fail(
      'missing-attribute',
      'company',
      company === undefined
        ? required('company')
        : typeof company === 'string'
          ? emptyCompany
          : wrongType('string', company),
    );
  }

  let channels = raw['channels'];
  if (channels === undefined || channels === '') {
    return fail('missing-attribute', 'channels', required('channels'));
  }
  if (typeof channels === 'string') {
    try {
      channels = JSON.parse(channels);
    } catch (error) {
      return fail(
        'invalid-json',
        'channels',
        `is not valid JSON (${(error as Error).message}); ${requiredHints.channels}`,
      );
    }
  }
  if (!Array.isArray(channels) || channels.length < channelCount.min) {
    return fail(
      'missing-attribute',
      'channels',
      Array.isArray(channels) ? tooShort(channelCount.min, 'array') : wrongType('array', channels),
    );
  }
  const checked: CheckedChannel[] = [];
  for (const [index, channel] of channels.entries()) {
    const type = (channel as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(knownTypes as readonly string[]).includes(type)) {
      return fail('unknown-channel', `channels[${index}].type`, unknownChannel(type, knownTypes));
    }
    checked.push(channel as CheckedChannel);
  }

  const privacyPolicy = raw['privacyPolicy'];
  if (typeof privacyPolicy !== 'string' || privacyPolicy.trim() === '') {
    return fail('missing-attribute', 'privacyPolicy', required('privacyPolicy'));
  }
  // Relative URLs (endpoint="/collect") resolve against the page, so the schema sees absolute ones.
  const urls: Record<string, string> = {};
  for (const key of ['privacyPolicy', 'endpoint'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    const url = typeof value === 'string' ? parseUrl(value.trim(), globalThis.location?.href) : undefined;
    if (url && isWebUrl(url)) urls[key] = url.href;
    else {
      const text = String(value);
      // The SDK's sentence for the value as written; without a page to resolve against, a path
      // is no full URL either.
      return fail(
        'invalid-url',
        key,
        (key === 'endpoint' && endpointProblem(text)) || privacyPolicyProblem(text)!,
      );
    }
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
