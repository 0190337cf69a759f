import type { Dimensions, Platform, Rect } from '@floating-ui/core';

const sizeOf = (element: HTMLElement): Dimensions => ({
  // Layout size, so the dialog's own transform (the sheet's slide-in) does not count.
  width: element.offsetWidth,
  height: element.offsetHeight,
});

/**
 * Floating UI's platform for the one case the notice has: a `position: fixed` dialog in the
 * widget's shadow root (not the top layer), strategy 'fixed'. It replaces `@floating-ui/dom`'s
 * platform, which handles every strategy, offset parent, scale and clipping ancestor (about 3 kB
 * gzip we do not need). Everything is in viewport coordinates, those of getBoundingClientRect: the
 * channel button's box, the dialog's layout size, and the layout viewport as the only clipping
 * area (the root's clientWidth/clientHeight, so a scrollbar is not covered). The `x`/`y` that
 * computePosition returns are viewport coordinates too; `containingBlockOrigin` turns them into
 * `left`/`top`.
 *
 * Left out on purpose: clipping by `overflow` ancestors (a fixed box escapes them unless one is its
 * containing block), the visual viewport (pinch zoom), scaled or rotated ancestors.
 */
export const fixedPlatform: Platform = {
  getElementRects: ({ reference, floating }: { reference: Element; floating: HTMLElement }) => ({
    reference: reference.getBoundingClientRect(),
    floating: { x: 0, y: 0, ...sizeOf(floating) },
  }),
  getDimensions: sizeOf,
  getClippingRect: (): Rect => {
    const root = document.documentElement;
    return { x: 0, y: 0, width: root.clientWidth, height: root.clientHeight };
  },
  // `bottom-start` starts at the right edge on a right-to-left page, as with the DOM platform.
  isRTL: (element: Element) => getComputedStyle(element).direction === 'rtl',
};

/**
 * Where `left: 0; top: 0` puts the dialog, in viewport coordinates; subtract it from computePosition's
 * `x`/`y` to get `left`/`top`. Usually (0, 0). But an ancestor with a transform, filter,
 * perspective, backdrop-filter, `contain: paint` or `layout`, `will-change: transform` (and more
 * each year) is the containing block of fixed descendants, and then `left`/`top` count from that
 * ancestor, wherever the page put or scrolled it. Instead of finding that ancestor by a list of such
 * properties (what the DOM platform does), this reads where the dialog is and which `left`/`top`
 * put it there: the difference is the origin, whatever caused it. One read in the layout that
 * computePosition has already flushed, and the first write is right, so nothing jumps.
 *
 * The dialog's own translation (the sheet's slide-in, running when a resize turns it into a popover)
 * is not part of `left`/`top` and is taken out. Translations only: a scaled or rotated ancestor
 * also scales or turns `left`/`top`, which this does not handle.
 */
export function containingBlockOrigin(floating: HTMLElement): { x: number; y: number } {
  const { left, top, transform } = getComputedStyle(floating);
  // `none` parses as the identity; e and f are the translation.
  const { e, f } = new DOMMatrixReadOnly(transform);
  const box = floating.getBoundingClientRect();
  return { x: box.left - parseFloat(left) - e, y: box.top - parseFloat(top) - f };
}
