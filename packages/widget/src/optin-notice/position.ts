import { computePosition, flip, offset, shift, size } from '@floating-ui/core';
import { autoUpdate } from './auto-update.js';
import { containingBlockOrigin, fixedPlatform } from './fixed-platform.js';
import type { NoticeLayout } from './types.js';

/** Below this viewport width the notice is a bottom sheet (docs/architecture.md#a-visitors-tap). */
export const SHEET_BELOW_PX = 480;
/** Gap between the channel button and the popover, and the popover and the viewport edge. */
const GAP_PX = 8;
/** A comfortable reading width for the notice; narrower when the viewport is. */
const MAX_WIDTH_PX = 400;

/** Popover next to the button when there is one and room for it; otherwise a bottom sheet. */
export function chooseLayout(viewportWidth: number, hasAnchor: boolean): NoticeLayout {
  return hasAnchor && viewportWidth >= SHEET_BELOW_PX ? 'popover' : 'sheet';
}

const placedProperties = ['left', 'top', 'max-width', 'max-height'] as const;

/**
 * Keeps `floating` next to `anchor` while either moves, scrolls or resizes, and reports the layout
 * on every update (the viewport may cross the sheet breakpoint while open). Styles are written
 * through CSSOM, which `style-src 'self'` allows. Floating UI's algorithm (`@floating-ui/core`)
 * places it, measuring through our small platform for a fixed dialog (fixed-platform.ts). Returns
 * the cleanup: it removes the listeners and observers and ignores a computation still in flight.
 */
export function keepPositioned(
  anchor: HTMLElement,
  floating: HTMLElement,
  onLayout: (layout: NoticeLayout, placed: boolean) => void,
  viewportWidth: () => number = () => window.innerWidth,
): () => void {
  let active = true;
  let run = 0;
  const update = () => {
    const current = ++run;
    if (chooseLayout(viewportWidth(), true) === 'sheet') {
      for (const property of placedProperties) floating.style.removeProperty(property);
      onLayout('sheet', true);
      return;
    }
    onLayout('popover', floating.style.top !== '');
    void computePosition(anchor, floating, {
      platform: fixedPlatform,
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(GAP_PX),
        flip({ padding: GAP_PX }),
        shift({ padding: GAP_PX }),
        size({
          padding: GAP_PX,
          apply({ availableWidth, availableHeight, elements }) {
            elements.floating.style.setProperty('max-width', `${Math.min(availableWidth, MAX_WIDTH_PX)}px`);
            elements.floating.style.setProperty('max-height', `${Math.max(availableHeight, 160)}px`);
          },
        }),
      ],
    }).then(({ x, y }) => {
      // A later update or the cleanup superseded this one: writing now would undo a sheet layout.
      if (!active || current !== run) return;
      // x and y are viewport coordinates; left and top count from the containing block.
      const origin = containingBlockOrigin(floating);
      floating.style.setProperty('left', `${Math.round(x - origin.x)}px`);
      floating.style.setProperty('top', `${Math.round(y - origin.y)}px`);
      onLayout('popover', true);
    });
  };
  // Place it now, before the dialog's first paint. Watching starts after that paint: a
  // ResizeObserver started now would report the first sizes before it, an extra pass of style,
  // layout and script between the tap and the dialog. Its first report after the paint updates at
  // once, so a move in between is caught one frame later.
  update();
  let stop: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      if (active) stop = autoUpdate(anchor, floating, update);
    });
  });
  return () => {
    active = false;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    stop?.();
  };
}
