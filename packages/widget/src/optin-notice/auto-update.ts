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
 * - an IntersectionObserver whose root rectangle is exactly the button's box: the button moved
 *   without any of the above (content inserted above it, a banner pushing the page down), so it no
 *   longer fills that rectangle. Each move re-arms it around the new box.
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
  let moves: IntersectionObserver | undefined;
  const watchMoves = () => {
    moves?.disconnect();
    moves = watchForMove(anchor, () => {
      update();
      watchMoves();
    });
  };
  watchMoves();
  return () => {
    listeners.abort();
    observer.disconnect();
    moves?.disconnect();
  };
}

/**
 * Calls `moved` once `anchor` leaves the box it has now. The observer's root is the document,
 * shrunk by `rootMargin` to the button's box (whole pixels, rounded outward, so the button fills it
 * at ratio 1); any move of a pixel or more drops the ratio below 1 and crosses the threshold. With
 * the document as root (not the implicit viewport) the margin also applies inside an iframe.
 */
function watchForMove(anchor: Element, moved: () => void): IntersectionObserver {
  const { top, right, bottom, left } = anchor.getBoundingClientRect();
  const { clientWidth, clientHeight } = anchor.ownerDocument.documentElement;
  const inset = [top, clientWidth - right, clientHeight - bottom, left].map(
    (edge) => `${-Math.floor(edge)}px`,
  );
  let first = true;
  const observer = new IntersectionObserver(
    ([entry]) => {
      // The first report, right after observing, describes the box just measured. A button that
      // is clipped (partly scrolled out of its container) or hidden reports less than 1 there and
      // is then followed by scroll and resize only, as before.
      if (!first && entry && entry.intersectionRatio < 1) moved();
      first = false;
    },
    { root: anchor.ownerDocument, rootMargin: inset.join(' '), threshold: 1 },
  );
  observer.observe(anchor);
  return observer;
}
