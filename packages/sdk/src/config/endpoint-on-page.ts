// Only the full validation asks this (it needs the page's URL), so it is a module of its own: the
// URL sentences beside it in url-problems.ts are also on the widget's first-paint path.
import { quote } from '../config-issue.js';

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
