/**
 * Light dismiss as the HTML popover does it: a press that starts and ends outside closes. Waiting
 * for the pointer up means a finger that starts scrolling the page (which ends in pointercancel,
 * not pointerup) leaves the panel or notice open, and a drag that starts inside and ends outside
 * does not close it. Capture phase: a page that stops propagation must not keep it open.
 *
 * @param isInside whether an event's composed path is inside what stays open
 * @param dismiss called with the pointerup that ends an outside press
 */
export function listenForLightDismiss(
  isInside: (path: EventTarget[]) => boolean,
  dismiss: (event: PointerEvent) => void,
  signal: AbortSignal,
): void {
  let pressedOutside = false;
  const options = { capture: true, signal };
  document.addEventListener(
    'pointerdown',
    (event) => (pressedOutside = !isInside(event.composedPath())),
    options,
  );
  document.addEventListener('pointercancel', () => (pressedOutside = false), options);
  document.addEventListener(
    'pointerup',
    (event) => {
      if (pressedOutside && !isInside(event.composedPath())) dismiss(event);
      pressedOutside = false;
    },
    options,
  );
}
