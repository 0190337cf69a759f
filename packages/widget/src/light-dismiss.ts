import { shadowRootsAround } from './shadow-roots.js';

/**
 * Light dismiss as the HTML popover does it: a press that starts and ends outside closes. Waiting
 * for the pointer up means a finger that starts scrolling the page (which ends in pointercancel,
 * not pointerup) leaves the panel or notice open, and a drag that starts inside and ends outside
 * does not close it. Capture phase: a page that stops propagation must not keep it open.
 *
 * A page may put the widget inside a component with a closed shadow root. From the document, a
 * press in there shows only that component's host in its composed path, never the widget. So each
 * closed root around `owner` listens too, and a level leaves a press that went into the next closed
 * root inward to that root's listener, which runs later in the same dispatch and sees the widget.
 *
 * @param owner what stays open (its shadow roots are found from it)
 * @param isInside whether an event's composed path is inside what stays open
 * @param dismiss called with the pointerup that ends an outside press
 */
export function listenForLightDismiss(
  owner: Node,
  isInside: (path: EventTarget[]) => boolean,
  dismiss: (event: PointerEvent) => void,
  signal: AbortSignal,
): void {
  let pressedOutside = false;
  const options = { capture: true, signal };
  const closed = shadowRootsAround(owner)
    .filter((root) => root.mode === 'closed')
    .reverse();
  [document, ...closed].forEach((level, index) => {
    const hidden = closed[index]?.host;
    // The path of an event for this level, or undefined when a deeper level decides.
    const seen = (event: Event) => {
      const path = event.composedPath();
      return !hidden || !path.includes(hidden) ? path : undefined;
    };
    level.addEventListener(
      'pointerdown',
      (event) => {
        const path = seen(event);
        if (path) pressedOutside = !isInside(path);
      },
      options,
    );
    level.addEventListener(
      'pointerup',
      (event) => {
        const path = seen(event);
        if (!path) return;
        if (pressedOutside && !isInside(path)) dismiss(event as PointerEvent);
        pressedOutside = false;
      },
      options,
    );
  });
  document.addEventListener('pointercancel', () => (pressedOutside = false), options);
}
