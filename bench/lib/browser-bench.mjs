// The browser half of the bench: one headless Chromium, CPU throttled 4×, pages alternating in
// rotating order, a fresh context (empty cache) per page load. What is measured in the page lives
// in bench/pages/probe.js; this file drives the runs and reads the Chrome DevTools Protocol.
import { chromium } from '@playwright/test';
import { rotation, summarize } from './stats.mjs';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Rejects after `ms`: every wait on the browser is bounded, so a hung page costs one run, not the
 * whole bench.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function launchChromium() {
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: chromiumArgs,
    timeout: 60_000,
  });
  return { browser, executablePath, version: browser.version() };
}

/**
 * Resolves (bounded) once the probe has measured `field` or given up: it says so in one console
 * line. Call it before the action that leads to the measurement, and evaluate nothing in the page
 * until it resolves: Playwright's first evaluate in a page runs its utility script on the throttled
 * main thread (about 80 ms of thread time at 4×), and a task queued ahead of the probe's
 * after-the-frame task is counted as the component's (bench/README.md, "How it measures").
 * @param {import('@playwright/test').Page} page
 * @param {'painted' | 'noticePainted'} field
 * @param {number} ms
 */
export function probeReports(page, field, ms) {
  const reported = page
    .waitForEvent('console', { predicate: (message) => message.text() === `bench:${field}`, timeout: ms })
    .then(() => undefined);
  // Awaited by the caller; this only keeps a page closed early from leaving an unhandled rejection.
  reported.catch(() => {});
  return reported;
}

/** Numbers of Performance.getMetrics by name. */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

/**
 * One page load.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {{ throttle: number, settleMs: number, tap?: { host: string, button: string, dialog: string } }} options
 */
export async function measureLoad(browser, url, options) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.throttle });
    const painted = probeReports(page, 'painted', 15_000);
    await page.goto(url, { waitUntil: 'commit', timeout: 30_000 });
    await painted;
    await page.waitForLoadState('load');
    // Late work shows up after the first paint: the icons chunk, and layout shifts if any. Long
    // tasks, shifts and script time include that window (the flow loads only on intent).
    await sleep(options.settleMs);
    const after = await metrics(cdp);
    const probe = await page.evaluate(() => {
      const { start, painted, longTasks, layoutShift, layoutShifts, errors } = window.__bench;
      return { start, painted, longTasks, layoutShift, layoutShifts, errors };
    });
    const result = {
      paintMs: probe.painted - probe.start,
      scriptMs: (after['ScriptDuration'] ?? Number.NaN) * 1000,
      taskMs: (after['TaskDuration'] ?? Number.NaN) * 1000,
      longTasks: probe.longTasks.length,
      longestTaskMs: Math.max(0, ...probe.longTasks.map((task) => task.duration)),
      // Long tasks up to the paint are on the critical path; later ones are validation and prefetch.
      longTasksBeforePaint: probe.longTasks.filter((task) => task.start < probe.painted).length,
      layoutShift: probe.layoutShift,
      errors: probe.errors,
      tapMs: Number.NaN,
      tapScripts: Number.NaN,
    };
    if (options.tap && Number.isFinite(result.paintMs))
      Object.assign(result, await measureTap(page, options.tap, result));
    return result;
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * Points at the first channel button as a visitor does before tapping (the intent that loads the
 * flow chunk) and waits until that chunk and the notice texts are there and the browser is idle
 * again: the visitor's dwell, which no tap measurement counts. Resolves to the button's centre, or
 * null (with the reason in `errors`) when there is no button.
 * @param {import('@playwright/test').Page} page
 * @param {{ host: string, button: string }} tap
 * @param {string[]} errors
 */
export async function pointAtButton(page, tap, errors) {
  const box = await page.evaluate(({ host, button }) => {
    const element = document.querySelector(host);
    const found = element?.shadowRoot ? deepFirst(element.shadowRoot, button) : null;
    if (!found) return null;
    const rect = found.getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    function deepFirst(root, selector) {
      const direct = root.querySelector(selector);
      if (direct) return direct;
      for (const child of root.querySelectorAll('*')) {
        const inner = child.shadowRoot ? deepFirst(child.shadowRoot, selector) : null;
        if (inner) return inner;
      }
      return null;
    }
  }, tap);
  if (!box) {
    errors.push(`tap: no ${tap.button} in ${tap.host}`);
    return null;
  }
  await page.mouse.move(box.x, box.y);
  await page
    .waitForFunction(
      () =>
        performance
          .getEntriesByType('resource')
          .some((entry) => /\/chunks\/(de|en)-[^/]*\.js$/.test(entry.name) && entry.responseEnd > 0),
      undefined,
      { timeout: 12_000 },
    )
    .catch(() => errors.push('tap: the notice texts did not load on intent'));
  await page.evaluate(
    () => new Promise((done) => requestIdleCallback(() => done(undefined), { timeout: 3_000 })),
  );
  return box;
}

/**
 * Clicks at `box` and resolves when the probe saw the frame that shows the notice dialog: the
 * probe's `clickAt` (the click event's timeStamp) and `noticePainted`, and the scripts fetched
 * after the click (lazy chunks the intent had not loaded yet).
 * @param {import('@playwright/test').Page} page
 * @param {{ host: string, dialog: string }} tap
 * @param {{ x: number, y: number }} box
 */
export async function clickAndWaitForNotice(page, tap, box) {
  await page.evaluate(({ host, dialog }) => window.__bench.armTap(host, dialog), tap);
  const noticePainted = probeReports(page, 'noticePainted', 12_000);
  await page.mouse.click(box.x, box.y);
  await noticePainted;
  return page.evaluate(() => {
    const { clickAt, noticePainted, errors } = window.__bench;
    const scripts = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime >= clickAt && entry.name.endsWith('.js')).length;
    return { clickAt, noticePainted, errors, scripts };
  });
}

/** Tap → notice: from the click event to the first frame that shows the `role="dialog"`. */
async function measureTap(page, tap, result) {
  const box = await pointAtButton(page, tap, result.errors);
  if (!box) return {};
  const probe = await clickAndWaitForNotice(page, tap, box);
  result.errors.push(...probe.errors.filter((error) => !result.errors.includes(error)));
  return { tapMs: probe.noticePainted - probe.clickAt, tapScripts: probe.scripts };
}

/**
 * Loads every page `runs` times, alternating in rotating order after one discarded warm-up round.
 * @param {import('@playwright/test').Browser} browser
 * @param {Array<{ id: string, url: string, tap?: { host: string, button: string, dialog: string } }>} pages
 * @param {{ runs: number, throttle: number, settleMs: number, deadline: number, log: (line: string) => void }} options
 */
export async function measurePages(browser, pages, options) {
  /** @type {Record<string, Array<Awaited<ReturnType<typeof measureLoad>>>>} */
  const samples = Object.fromEntries(pages.map((page) => [page.id, []]));
  const errors = new Set();
  const broken = new Set();
  const failures = new Map();
  for (let round = -1; round < options.runs; round++) {
    if (Date.now() > options.deadline) {
      errors.add(`stopped after ${round} rounds: time budget for the browser runs used up`);
      break;
    }
    for (const page of rotation(pages, round + 1)) {
      if (broken.has(page.id)) continue;
      let sample;
      try {
        sample = await measureLoad(browser, page.url, { ...options, ...(page.tap ? { tap: page.tap } : {}) });
      } catch (error) {
        errors.add(`${page.id}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
        continue;
      }
      for (const error of sample.errors) errors.add(`${page.id}: ${error}`);
      // A page that does not paint costs its full timeout every round: after two such loads it is
      // measured no further (one may be a hiccup of a loaded machine).
      if (!Number.isFinite(sample.paintMs)) {
        failures.set(page.id, (failures.get(page.id) ?? 0) + 1);
        if ((failures.get(page.id) ?? 0) >= 2) {
          broken.add(page.id);
          errors.add(`${page.id}: did not paint twice; left out of the remaining rounds`);
        }
      }
      // The round pairs it with the other pages' loads of the same moment (pairedRatio).
      if (round >= 0) samples[page.id]?.push({ ...sample, round });
    }
    options.log(round < 0 ? 'warm-up round done' : `round ${round + 1}/${options.runs} done`);
  }
  const summaries = Object.fromEntries(
    Object.entries(samples).map(([id, list]) => [
      id,
      {
        runs: list.length,
        paintMs: summarize(list.map((sample) => sample.paintMs)),
        scriptMs: summarize(list.map((sample) => sample.scriptMs)),
        longTasks: summarize(list.map((sample) => sample.longTasks)),
        longestTaskMs: summarize(list.map((sample) => sample.longestTaskMs)),
        longTasksBeforePaint: summarize(list.map((sample) => sample.longTasksBeforePaint)),
        tapScripts: summarize(list.map((sample) => sample.tapScripts)),
        layoutShift: summarize(list.map((sample) => sample.layoutShift)),
        tapMs: summarize(list.map((sample) => sample.tapMs)),
        samples: list.map(({ errors: _errors, ...rest }) => rest),
      },
    ]),
  );
  return { summaries, errors: [...errors] };
}

/**
 * Instances of the custom element class still alive on the heap (after the last forced GC),
 * found through its prototype: the direct check for "removed elements are not retained".
 * @param {import('@playwright/test').CDPSession} cdp
 * @param {string} tag
 */
async function countInstances(cdp, tag) {
  const prototype = await cdp.send('Runtime.evaluate', {
    expression: `customElements.get(${JSON.stringify(tag)}).prototype`,
  });
  const prototypeObjectId = prototype.result.objectId;
  if (!prototypeObjectId) return Number.NaN;
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId });
  const count = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  return Number(count.result.value);
}

/**
 * Heap before and after mounting and removing the element `times` times, each measured after a
 * forced garbage collection, plus the removed instances still alive. A warm-up churn of the same
 * size comes first: the first round of mounts grows the heap once by ~50–130 kB (optimized code,
 * Lit's template caches, lazy chunks), and only a second round shows whether each mount leaves
 * something behind. The warm-up's growth is reported too.
 * @param {import('@playwright/test').Browser} browser
 * @param {{ url: string, tag: string, attributes: Record<string, string>, times: number, warmup: number, timeoutMs: number }} options
 */
export async function measureHeap(browser, options) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const painted = probeReports(page, 'painted', 25_000);
    await page.goto(options.url, { waitUntil: 'load', timeout: 30_000 });
    await painted;
    // Let the page's own widget finish its idle work (prefetch, warming the notice once) before
    // the first reading: a one-time cache filled between the rounds would read as growth.
    await page.waitForLoadState('networkidle');
    await page.evaluate(
      () =>
        new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(resolve, { timeout: 5_000 }))),
    );
    const churn = (times) =>
      withTimeout(
        page.evaluate(({ tag, attributes, count }) => window.__bench.churn(tag, attributes, count), {
          tag: options.tag,
          attributes: options.attributes,
          count: times,
        }),
        options.timeoutMs,
        'mount/remove churn',
      );
    const usedAfterGc = async () => {
      // Two collections: the first may only finalize what the second frees.
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = await cdp.send('Runtime.getHeapUsage');
      return usage.usedSize;
    };
    const initial = await usedAfterGc();
    await churn(options.warmup);
    const before = await usedAfterGc();
    const started = Date.now();
    await churn(options.times);
    const churnMs = Date.now() - started;
    const after = await usedAfterGc();
    const elementsInDocument = await page.evaluate(
      (tag) => document.querySelectorAll(tag).length,
      options.tag,
    );
    const liveInstances = await countInstances(cdp, options.tag);
    return {
      mounts: options.times,
      warmupMounts: options.warmup,
      initial,
      warmupGrowth: before - initial,
      before,
      after,
      growth: after - before,
      perMount: (after - before) / options.times,
      churnMs,
      elementsInDocument,
      liveInstances,
      leakedInstances: liveInstances - elementsInDocument,
    };
  } finally {
    await context.close().catch(() => {});
  }
}
