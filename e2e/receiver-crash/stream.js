// Test page module: records a stream of consent events with the built one-file SDK, exactly as a
// page without a bundler would. The spec drives it through `window.stream`.
import { createConsentReporter } from '/packages/sdk/dist/browser/messenger-optin-sdk.js';

const drops = [];
let reporter;
const recorded = [];

window.stream = {
  /** Starts a reporter; short backoff keeps the test bounded (the delays are options, not hacks). */
  start(endpoint) {
    reporter = createConsentReporter({
      endpoint,
      storage: 'auto',
      widgetVersion: 'crash-test',
      baseDelayMs: 200,
      maxDelayMs: 1_500,
      batchDelayMs: 100,
      onDrop: (events, reason) => drops.push({ reason, count: events.length }),
    });
  },
  /** Records `count` events of one consent flow each; returns their eventIds. */
  record(count) {
    const ids = [];
    for (let i = 0; i < count; i++) {
      // Ordinary (batched) events with personal content, like the link_opened of a real flow.
      const ref = String(recorded.length + i).padStart(4, '0');
      ids.push(
        reporter.record({
          consentId: crypto.randomUUID(),
          type: 'link_opened',
          channel: 'whatsapp',
          ref,
          message: `Start News Firma ${ref}`,
          purpose: 'crash test',
        }),
      );
    }
    recorded.push(...ids);
    return ids;
  },
  flush: (timeoutMs) => reporter.flush(timeoutMs),
  recorded: () => recorded.slice(),
  drops: () => drops.slice(),
};
document.body.dataset.ready = 'true';
