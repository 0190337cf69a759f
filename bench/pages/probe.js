// Runs in every bench page before anything else (a classic script in <head>) and measures there,
// so the numbers don't include the round trips of the remote-controlled browser:
// - `start` is performance.now() right before the parser reaches the measured <script> tag;
// - a component counts as painted after the first frame in which the wanted elements exist in its
//   (nested) shadow trees with a layout box, neither transparent nor hidden: we look in
//   requestAnimationFrame, which runs just before that frame's style, layout and paint, and take
//   the time in the next task, which runs after it;
// - long tasks and layout shifts come from buffered PerformanceObservers, from navigation on.
(() => {
  const state = {
    start: Number.NaN,
    painted: Number.NaN,
    clickAt: Number.NaN,
    noticePainted: Number.NaN,
    longTasks: [],
    layoutShift: 0,
    layoutShifts: 0,
    errors: [],
  };
  window.__bench = state;

  // The bench learns that a measurement landed (or gave up) from one console line, `bench:<field>`,
  // and does not evaluate anything in the page before: Playwright's first evaluate runs its utility
  // script on the throttled main thread (about 80 ms of thread time at 4×), and any task queued
  // before the probe's after-the-frame task delays that task and is counted as the component's.
  const tell = (field) => console.debug(`bench:${field}`);

  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch (error) {
      state.errors.push(`${type}: ${error}`);
    }
  };
  observe('longtask', (entry) => state.longTasks.push({ start: entry.startTime, duration: entry.duration }));
  observe('layout-shift', (entry) => {
    // Shifts right after input are expected (the visitor caused them); CLS leaves them out too.
    if (entry.hadRecentInput) return;
    state.layoutShift += entry.value;
    state.layoutShifts += 1;
  });
  addEventListener('error', (event) => state.errors.push(String(event.message)));

  /** Elements matching `selector` in `root` and every shadow tree below it. */
  const deepAll = (root, selector, found = []) => {
    found.push(...root.querySelectorAll(selector));
    for (const element of root.querySelectorAll('*'))
      if (element.shadowRoot) deepAll(element.shadowRoot, selector, found);
    return found;
  };
  // Shown means a layout box and not see-through: the notice's popover has its box (opacity 0)
  // before Floating UI has placed it, and that frame shows the visitor nothing.
  const hasBox = (element) => {
    const box = element.getBoundingClientRect();
    const visible = element.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) ?? true;
    return box.width > 0 && box.height > 0 && visible;
  };
  const afterPaint = (callback) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback(performance.now());
    channel.port2.postMessage(null);
  };

  /**
   * Sets `state[field]` to the time after the first frame that shows `count` boxes matching
   * `selector` inside `host`'s shadow trees. Bounded: gives up after `timeoutMs`.
   */
  const whenPainted = (field, host, selector, count, timeoutMs) => {
    const deadline = performance.now() + timeoutMs;
    const frame = () => {
      const hosts = deepAll(document, host);
      const shown = hosts.flatMap((element) =>
        element.shadowRoot ? deepAll(element.shadowRoot, selector).filter(hasBox) : [],
      );
      if (shown.length >= count) {
        afterPaint((at) => {
          state[field] = at;
          tell(field);
        });
        return;
      }
      if (performance.now() > deadline) {
        state.errors.push(`no ${count}× ${selector} painted in ${host} within ${timeoutMs} ms`);
        tell(field);
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };

  /** Called inline right before the measured script tag. */
  state.begin = (host, selector, count) => {
    state.start = performance.now();
    whenPainted('painted', host, selector, count, 10_000);
  };

  /** Arms the tap measurement: from the click event to the dialog's first frame. */
  state.armTap = (host, selector) => {
    document.addEventListener(
      'click',
      (event) => {
        state.clickAt = event.timeStamp;
        whenPainted('noticePainted', host, selector, 1, 10_000);
      },
      { capture: true, once: true },
    );
  };

  /** Mounts and removes the element `times` times (heap check). Resolves when done. */
  state.churn = async (tag, attributes, times) => {
    const container = document.createElement('div');
    document.body.append(container);
    for (let i = 0; i < times; i++) {
      const element = document.createElement(tag);
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      container.append(element);
      // Let Lit render (and the element start whatever it starts on connect) before removing it.
      if (element.updateComplete) await element.updateComplete;
      else await new Promise((resolve) => setTimeout(resolve));
      element.remove();
    }
    container.remove();
    await new Promise((resolve) => setTimeout(resolve, 50));
  };
})();
