import { quote } from '../errors.js';
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

/** Loopback hosts: browsers let an https page call them over http (they are not mixed content). */
const LOOPBACK = /^(localhost|.+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * An `http:` endpoint on a page served over `https:`: the browser blocks every request to it as
 * mixed content, so every consent event would be lost without a word. Loopback addresses are
 * exempt (browsers allow them, and a local receiver is how the widget is tried out).
 * `pageUrl` is the page the widget runs on; a relative endpoint takes the page's scheme.
 */
export function endpointOnPageProblem(endpoint: string, pageUrl: string): string | undefined {
  let page: URL;
  let target: URL;
  try {
    page = new URL(pageUrl);
    target = new URL(endpoint, page);
  } catch {
    return undefined;
  }
  if (page.protocol !== 'https:' || target.protocol !== 'http:' || LOOPBACK.test(target.hostname))
    return undefined;
  target.protocol = 'https:';
  return `${quote(endpoint)} is http: on an https: page; browsers block it (mixed content), so no consent event would arrive; serve the receiver over https: ${target.href}`;
}
