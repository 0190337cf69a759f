import { autoUpdate, computePosition, flip, offset, platform, shift, size } from '@floating-ui/dom';
import type { NoticeLayout } from './types.js';

/** Below this viewport width the notice is a bottom sheet (docs/architecture.md#a-visitors-tap). */
export const SHEET_BELOW_PX = 480;
/** Gap between the channel button and the popover, and the popover and the viewport edge. */
const GAP_PX = 8;
/** A comfortable reading width for the notice; narrower when the viewport is. */
const MAX_WIDTH_PX = 400;
/** The popover never gets less than this, even with little room: it then overlaps its button. */
const MIN_HEIGHT_PX = 160;

/** Popover next to the button when there is one and room for it; otherwise a bottom sheet. */
export function chooseLayout(viewportWidth: number, hasAnchor: boolean): NoticeLayout {
  return hasAnchor && viewportWidth >= SHEET_BELOW_PX ? 'popover' : 'sheet';
}

/**
 * The height the dialog needs to show all of its content without scrolling: its box minus what its
 * scrolling body shows, plus all the body holds.
 */
export function contentHeight(floating: HTMLElement): number {
  const body = floating.querySelector<HTMLElement>('.body');
  return body ? floating.offsetHeight - body.clientHeight + body.scrollHeight : floating.scrollHeight;
}

/**
 * How tall the popover may be: the room on its side of the button, but never less than `needed`
 * while the viewport can hold that. Then it overlaps the button; shift() keeps it inside the
 * viewport. Content taller than the viewport scrolls inside.
 */
export function popoverMaxHeight(available: number, needed: number, viewport: number): number {
  return Math.max(available, Math.min(needed, viewport - 2 * GAP_PX));
}

const placedProperties = ['left', 'top', 'max-width', 'max-height'] as const;

/**
 * Keeps `floating` next to `anchor` while either moves, scrolls or resizes, and reports the layout
 * on every update (the viewport may cross the sheet breakpoint while open). Floating UI
 * (`@floating-ui/dom`) places it: its platform knows clipping ancestors, transformed containing
 * blocks, the top layer and right-to-left pages. Styles are written through CSSOM, which
 * `style-src 'self'` allows. Returns the cleanup: it stops autoUpdate and ignores a computation
 * still in flight.
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
    // A QR code is only useful whole: the link phase gets all the height it needs. The notice's text
    // may scroll inside, so the popover stays next to its button with the room that side has.
    const whole = !!floating.querySelector('.qr-box');
    const needed = whole ? contentHeight(floating) : MIN_HEIGHT_PX;
    // In the top layer (top-layer.ts) the dialog's box is the popover's child, not the popover, so
    // Floating UI would look for its containing block and clipping boxes among the page's
    // ancestors, which no longer apply there: the viewport is both.
    const topLayer = !!floating.parentElement?.matches(':popover-open');
    const area = { padding: GAP_PX, ...(topLayer ? { boundary: [] } : {}) };
    void computePosition(anchor, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      platform: topLayer ? { ...platform, getOffsetParent: () => window } : platform,
      middleware: [
        offset(GAP_PX),
        // The side with more room when the dialog fits on neither; the other alignment (its right
        // edge at the button's) when the left edges in line would cross the viewport's edge.
        flip(area),
        // Sideways to stay inside; for the QR code also up, over the button, to show it whole.
        shift({ ...area, crossAxis: whole }),
        size({
          ...area,
          apply({ availableWidth, availableHeight, elements }) {
            const viewport = document.documentElement.clientHeight;
            const height = popoverMaxHeight(availableHeight, needed, viewport);
            elements.floating.style.setProperty('max-width', `${Math.min(availableWidth, MAX_WIDTH_PX)}px`);
            elements.floating.style.setProperty('max-height', `${height}px`);
          },
        }),
      ],
    }).then(({ x, y }) => {
      // A later update or the cleanup superseded this one: writing now would undo a sheet layout.
      if (!active || current !== run) return;
      floating.style.setProperty('left', `${Math.round(x)}px`);
      floating.style.setProperty('top', `${Math.round(y)}px`);
      onLayout('popover', true);
    });
  };
  // Place it now, before the dialog's first paint. Watching starts after that paint: autoUpdate's
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
