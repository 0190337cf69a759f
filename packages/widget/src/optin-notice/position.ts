import {
  autoUpdate,
  computePosition,
  detectOverflow,
  flip,
  offset,
  platform,
  shift,
  size,
  type DetectOverflowOptions,
  type Middleware,
} from '@floating-ui/dom';
import type { NoticeLayout } from './types.js';

/** Below this viewport width the notice is a bottom sheet (docs/architecture.md#a-visitors-tap). */
export const SHEET_BELOW_PX = 480;
/** Gap between the channel button and the popover, and the popover and the viewport edge. */
const GAP_PX = 8;
/** A comfortable reading width for the notice; narrower when the viewport is. */
const MAX_WIDTH_PX = 400;
/**
 * The notice stays beside its button, its text scrolling inside, while that side shows at least
 * this share of it; with less it covers the button to show all of it. A QR code is always whole.
 */
export const BESIDE_MIN_SHARE = 0.75;

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
 * Whether the popover covers its button: when the `room` on its side of the button shows less than
 * `share` of the height its content `needs`. Then it gets the height it needs, up to the viewport's.
 */
export function coversButton(room: number, needed: number, share: number): boolean {
  return room < needed * share;
}

/**
 * After flip() chose the side: decides whether the popover stays beside its button or covers it
 * (coversButton), and tells shift() through `decided`. With its cross axis on, shift() moves the
 * popover over the button, and size() then offers the viewport's height instead of the side's.
 */
function besideOrCover(
  area: DetectOverflowOptions,
  needed: number,
  share: number,
  decided: (cover: boolean) => void,
): Middleware {
  return {
    name: 'besideOrCover',
    async fn(state) {
      const overflow = await detectOverflow(state, area);
      // The room from the popover's edge at the button to the viewport's edge on that side.
      const side = state.placement.startsWith('top') ? 'top' : 'bottom';
      decided(coversButton(state.rects.floating.height - overflow[side], needed, share));
      return {};
    },
  };
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
    // A QR code is only useful whole. The notice may scroll inside a popover beside its button when
    // that shows most of it; read through a smaller window (the room above a button in mid-page can
    // be a third of the text), it hides what the visitor agrees to: then the dialog gets the height
    // it needs, up to the viewport's, and covers the button, of no use while the modal is open.
    const needed = contentHeight(floating);
    const share = floating.querySelector('.qr-box') ? 1 : BESIDE_MIN_SHARE;
    // In the top layer (top-layer.ts) the dialog's box is the popover's child, not the popover, so
    // Floating UI would look for its containing block and clipping boxes among the page's
    // ancestors, which no longer apply there: the viewport is both.
    const topLayer = !!floating.parentElement?.matches(':popover-open');
    const area = { padding: GAP_PX, ...(topLayer ? { boundary: [] } : {}) };
    let cover = false;
    void computePosition(anchor, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      platform: topLayer ? { ...platform, getOffsetParent: () => window } : platform,
      middleware: [
        offset(GAP_PX),
        // The side with more room when the dialog fits on neither; the other alignment (its right
        // edge at the button's) when the left edges in line would cross the viewport's edge.
        flip(area),
        besideOrCover(area, needed, share, (covers) => (cover = covers)),
        // Sideways to stay inside; when it covers the button, also up or down to show all it needs.
        shift(() => ({ ...area, crossAxis: cover })),
        // The room on its side, or when it covers the button the viewport's height.
        size({
          ...area,
          apply({ availableWidth, availableHeight, elements }) {
            elements.floating.style.setProperty('max-width', `${Math.min(availableWidth, MAX_WIDTH_PX)}px`);
            elements.floating.style.setProperty('max-height', `${availableHeight}px`);
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
