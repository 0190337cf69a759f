import { quote } from '../config-issue.js';
import { isWebUrl, parseUrl } from '../web-url.js';

/** What is wrong with a URL that must be http(s), or undefined. `javascript:` and `data:` never pass. */
function httpUrlProblem(value: string, example: string): string | undefined {
  const url = parseUrl(value);
  if (!url) return `${quote(value)} is not a full URL; write it with https://, e.g. ${example}`;
  if (isWebUrl(url)) return undefined;
  return `${quote(value)} is a ${url.protocol} URL, but only http(s) links are allowed; write an https:// address, e.g. ${example}`;
}

/** The privacy policy must be a full http(s) URL: the notice links it. */
export function privacyPolicyProblem(value: string): string | undefined {
  return httpUrlProblem(value, 'https://example.com/privacy');
}

/** Same origin path (`/consent`) or an http(s) URL; `//host` is refused as it silently changes the host. */
export function endpointProblem(value: string): string | undefined {
  if (value.startsWith('//'))
    return `${quote(value)} leaves out the scheme; write the full URL, e.g. https://consent.example.com/v1/events`;
  if (value.startsWith('/')) return undefined;
  return httpUrlProblem(value, 'https://consent.example.com/v1/events, or a path such as /v1/events');
}
