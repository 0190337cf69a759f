import { shadowRootsAround } from '../shadow-roots.js';

/**
 * Calls `update` whenever the channel button or the dialog may have moved or changed size; returns
 * the cleanup, which removes every listener and observer it added. Our replacement for Floating
 * UI's `autoUpdate`, which lives in `@floating-ui/dom`:
 * - `scroll` in the capture phase on window and on every shadow root around the button: scroll
 *   events do not bubble, but a capturing listener on window sees those of every scrolling container
 *   in the document, so a container that scrolls the button counts without finding the button's
 *   scrolling ancestors first. A scroll event does not leave its shadow tree, so containers inside
 *   the page's components (and our own panel's list) are seen by the roots the button is in. Not
 *   seen, on purpose: the dialog's own scrolling body, which moves nothing. Passive: it never
 *   cancels a scroll.
 * - `resize` on window: the viewport, and with it the room around the button, changed.
 * - a ResizeObserver on both: the button grew (a font loaded) or the dialog did (details opened, the
 *   link phase). It reports once right after it starts too, which is the first update.
 * Unlike Floating UI's version, a button that moves without any of these (content inserted above it)
 * is caught by the next scroll or resize, not by an IntersectionObserver.
 */
export function autoUpdate(anchor: Element, floating: Element, update: () => void): () => void {
  const listeners = new AbortController();
  const options = { capture: true, passive: true, signal: listeners.signal };
  for (const target of [window, ...shadowRootsAround(anchor)])
    target.addEventListener('scroll', () => update(), options);
  addEventListener('resize', () => update(), options);
  const observer = new ResizeObserver(() => update());
  observer.observe(anchor);
  observer.observe(floating);
  return () => {
    listeners.abort();
    observer.disconnect();
  };
}
