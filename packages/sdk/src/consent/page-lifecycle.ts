// The page events the reporter acts on (docs/consent-records.md#delivery-contract-of-createconsentreporter):
// leaving (send what is pending while the page still may), coming back, going online, and a CSP
// that blocks the endpoint. Never `unload`/`beforeunload`: they take the page out of the
// back/forward cache.
import { safely } from './safely.js';

/**
 * Listens until `controller` aborts (it serves as the listeners' options object: its `signal`). The handlers are arguments, not an object's methods: property
 * names stay in the bundle, and the reporter's budget is 4 KB.
 */
export function watchPage(
  endpoint: string,
  controller: AbortController,
  /** The page is hidden or left: the last moment to send. */
  leave: () => void,
  /** The page is visible again. */
  back: () => void,
  online: () => void,
  /** The page's CSP blocks `target`, the endpoint, for `directive`. */
  blocked: (target: string, directive: string) => void,
): void {
  const doc: Document | undefined = globalThis.document;
  const win: Window | undefined = globalThis.window;
  const listen = <E extends Event>(
    target: EventTarget | undefined,
    type: string,
    listener: (event: E) => unknown,
  ) => target?.addEventListener(type, (event) => safely(() => listener(event as E)), controller);
  listen(doc, 'visibilitychange', () => (doc!.visibilityState === 'hidden' ? leave() : back()));
  listen(win, 'pagehide', leave);
  listen(win, 'online', online);
  listen(
    doc,
    'securitypolicyviolation',
    ({ blockedURI, effectiveDirective }: SecurityPolicyViolationEvent) => {
      const target = new URL(endpoint, location.href).href;
      if (blockedURI && target.startsWith(blockedURI)) blocked(target, effectiveDirective);
    },
  );
}
