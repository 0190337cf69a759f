/**
 * Keyboard focus inside a modal dialog that lives in a shadow root. Browsers do not trap focus for
 * an `aria-modal` element that is not a native <dialog> in the top layer, so Tab and Shift+Tab are
 * wrapped here (WAI-ARIA APG, dialog pattern).
 */

// Only what the dialog's own templates render: every notice text arrives as text, never as markup,
// so no select, textarea, hidden input or positive tabindex can appear in it. (The heading's
// tabindex is -1: it takes the focus on open but is not in the Tab order.)
const focusableSelector = 'a[href],button:not([disabled]),input:not([disabled])';

function isShown(element: Element): boolean {
  // checkVisibility covers display:none, hidden ancestors and content-visibility (Chromium 105+).
  return typeof element.checkVisibility === 'function'
    ? element.checkVisibility({ visibilityProperty: true })
    : element.getClientRects().length > 0;
}

/** Tabbable elements of `container` in document order, skipping hidden ones. */
export function tabbables(container: ParentNode): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(focusableSelector)].filter(isShown);
}

/**
 * Where Tab should go from `current`, or null when the browser's own order already stays inside.
 * Wraps at both ends; from an element outside the list (the heading, or nothing) it enters at the
 * matching end.
 */
export function wrapTarget(
  items: readonly HTMLElement[],
  current: Element | null,
  backwards: boolean,
): HTMLElement | null {
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return null;
  const index = current ? items.indexOf(current as HTMLElement) : -1;
  if (backwards) return index <= 0 ? last : null;
  if (index === -1) return first;
  return index === items.length - 1 ? first : null;
}

/** Handles a Tab keydown inside `root`; returns true when it moved the focus itself. */
export function trapTab(event: KeyboardEvent, root: ShadowRoot, container: ParentNode): boolean {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return false;
  const target = wrapTarget(tabbables(container), root.activeElement, event.shiftKey);
  if (!target) return false;
  event.preventDefault();
  target.focus();
  return true;
}
