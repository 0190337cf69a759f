/**
 * Shows a `popover="manual"` element in the top layer: above every stacking context of the host
 * page (no z-index contest with its sticky headers or chat bubbles), and out of any ancestor that
 * would otherwise be the containing block of the fixed dialog (a transform, filter or `contain` on
 * a box around the widget) or clip it (`overflow: hidden`). Manual, so the browser adds no light
 * dismiss or focus moves of its own: the dialog keeps doing those itself.
 *
 * A browser without the Popover API (before Chrome 114, Safari 17, Firefox 125) leaves the element
 * where it is; `position: fixed` and Floating UI (position.ts), which finds a transformed containing block, still place it.
 */
export function showInTopLayer(element: HTMLElement): void {
  // An element that is already shown would throw; so would one that left the document meanwhile.
  if (element.showPopover && element.isConnected && !element.matches(':popover-open')) element.showPopover();
}
