// Where the first render's time goes: loads the bench pages (bare Lit, widget inline, widget
// floating) in rotating order in one headless Chromium at 4× CPU throttle, as bench/run.mjs does,
// with a Chrome trace and a V8 CPU profile of each load, and prints per page (median of the runs):
//   - the main thread's tasks from the script tag to 1 s after the first paint (by thread time), the longest one;
//   - that window's time by phase (module compile, script run, style, layout, paint, HTML parse);
//   - script time by source module (the bundles' source maps turn minified positions back into
//     the repo's files), so "Lit template prep" or "the config pre-check" can be read off.
//
//   node bench/profile.mjs [--runs 5]        after a build (npx --yes pnpm@10 run build)
//   node bench/profile.mjs --tap [--runs 5]  the same for tap → notice on the inline page: the window
//                                             from the click to the frame that shows the dialog
//
// Only reported, never gated: under load every number here swells; read the ratios to bare Lit.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildBaseline } from './lib/baseline-build.mjs';
import {
  clickAndWaitForNotice,
  launchChromium,
  pointAtButton,
  probeReports,
  withTimeout,
} from './lib/browser-bench.mjs';
import { rotation, summarize } from './lib/stats.mjs';

const median = (values) => summarize(values).median;
import { startStaticServer } from './lib/static-server.mjs';
import { originalPositions, readSourceMap } from './lib/source-map.mjs';
import { groupModule } from './lib/bundle-breakdown.mjs';

const args = parseArgs({
  options: { runs: { type: 'string', default: '5' }, tap: { type: 'boolean', default: false } },
}).values;
const runs = Math.max(1, Number(args.runs) || 5);
const root = new URL('..', import.meta.url).pathname;
const temp = await mkdtemp(join(tmpdir(), 'bench-profile-'));
const SETTLE_MS = 1000;

/** Trace event names → the phase they count for (their self time, children subtracted). */
const phases = {
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  'V8.CompileCode': 'compile',
  'V8.CompileLazy': 'compile',
  'v8.parseOnBackground': 'compile',
  EvaluateScript: 'script',
  'v8.evaluateModule': 'script',
  'v8.run': 'script',
  FunctionCall: 'script',
  'V8.Execute': 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  'V8.GCScavenger': 'gc',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  CompositeLayers: 'paint',
  Commit: 'paint',
  ParseHTML: 'html',
};

const categories = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'loading',
  'disabled-by-default-v8.cpu_profiler',
  // performance.mark(): anchors a trace started mid-page (--tap) to the page's clock.
  'blink.user_timing',
];

await buildBaseline(root, temp);
const server = await startStaticServer({
  '/pages/': join(root, 'bench/pages'),
  '/widget/': join(root, 'packages/widget/dist/cdn'),
  '/bench-build/': temp,
});
const { browser, version } = await launchChromium();
const pages = args.tap
  ? [{ id: 'widget-inline, tap → notice', url: `${server.origin}/pages/widget-inline.html` }]
  : [
      { id: 'baseline', url: `${server.origin}/pages/baseline.html` },
      { id: 'widget-inline', url: `${server.origin}/pages/widget-inline.html` },
      { id: 'widget-floating', url: `${server.origin}/pages/widget-floating.html` },
    ];
const tap = { host: 'messenger-optin', button: 'button', dialog: '[role="dialog"]' };
/** After the measured frame, the window goes on this long (a load's late work; none for a tap). */
const settleMs = args.tap ? 0 : SETTLE_MS;
const sourceMaps = new Map();
const mapFor = async (url) => {
  const file = /\/widget\/(.+\.js)$/.exec(url)?.[1];
  if (!file) return null;
  if (!sourceMaps.has(file))
    sourceMaps.set(
      file,
      (() => {
        try {
          return readSourceMap(join(root, 'packages/widget/dist/cdn', file), root);
        } catch {
          return null;
        }
      })(),
    );
  return sourceMaps.get(file);
};

const samples = Object.fromEntries(pages.map((page) => [page.id, []]));
try {
  for (let round = -1; round < runs; round++) {
    for (const page of rotation(pages, round + 1)) {
      const result = await withTimeout(
        args.tap ? profileTap(page.url) : profileLoad(page.url),
        60_000,
        page.id,
      );
      if (round >= 0) samples[page.id].push(result);
    }
  }
} finally {
  await browser.close();
  await server.close();
  await rm(temp, { recursive: true, force: true });
}

const load = (await readFile('/proc/loadavg', 'utf8').catch(() => '?')).split(' ').slice(0, 3).join(' ');
console.log(`Chromium ${version}, 4× CPU, ${runs} runs per page, load average now ${load}`);
for (const page of pages) {
  const list = samples[page.id];
  const med = (pick) => median(list.map(pick));
  console.log(
    `\n${page.id}: painted ${med((s) => s.paintMs).toFixed(0)} ms after ${args.tap ? 'the click' : 'the script tag'}`,
  );
  console.log(
    `  tasks > 50 ms wall: ${med((s) => s.longTasks.length)}; longest task by thread time: ${med((s) => s.longest.cpu).toFixed(1)} ms thread, ${med((s) => s.longest.dur).toFixed(0)} ms wall (runs: ${list
      .map((s) => `${s.longest.cpu.toFixed(0)}/${s.longest.dur.toFixed(0)}`)
      .join(', ')})`,
  );
  console.log(
    `  main-thread thread time from the ${args.tap ? 'click' : 'script tag'}: ${med((s) => s.cpuBeforePaint).toFixed(1)} ms to the paint, ${med((s) => s.cpuTotal).toFixed(1)} ms to paint + ${settleMs} ms`,
  );
  const names = [...new Set(list.flatMap((s) => Object.keys(s.longest.phases)))];
  console.log(
    `  longest task by phase (median thread ms): ${names
      .map((name) => [name, med((s) => s.longest.phases[name] ?? 0)])
      .sort((a, b) => b[1] - a[1])
      .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
      .join(', ')}`,
  );
  const windowNames = [...new Set(list.flatMap((s) => Object.keys(s.window)))];
  console.log(
    `  ${args.tap ? 'click' : 'script tag'} → paint + ${settleMs} ms by phase (median thread ms): ${windowNames
      .map((name) => [name, med((s) => s.window[name] ?? 0)])
      .sort((a, b) => b[1] - a[1])
      .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
      .join(', ')}`,
  );
  if (process.env.PROFILE_DEBUG)
    console.dir(
      list.map((s) => [s.names, s.layouts]),
      { depth: 6 },
    );
  const modules = [...new Set(list.flatMap((s) => Object.keys(s.scripts)))];
  console.log('  script self time by source (median ms, in the whole window):');
  for (const [name, ms] of modules
    .map((name) => [name, med((s) => s.scripts[name] ?? 0)])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 14))
    console.log(`    ${ms.toFixed(1).padStart(6)}  ${name}`);
}

/** One load with trace and CPU profile; returns the numbers of the window script tag → paint + 1 s. */
async function profileLoad(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await browser.startTracing(page, { categories });
    const painted = probeReports(page, 'painted', 15_000);
    await page.goto(url, { waitUntil: 'commit', timeout: 30_000 });
    await painted;
    await page.waitForTimeout(SETTLE_MS);
    const probe = await page.evaluate(() => ({
      start: window.__bench.start,
      painted: window.__bench.painted,
    }));
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
    return await analyse(trace.traceEvents ?? trace, probe, url);
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * Tap → notice with trace and CPU profile: the visitor's dwell on the button first (the flow chunk
 * and the notice texts arrive, untraced), then the traced click until the frame with the dialog.
 */
async function profileTap(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const painted = probeReports(page, 'painted', 15_000);
    await page.goto(url, { waitUntil: 'commit', timeout: 30_000 });
    await painted;
    const errors = [];
    const box = await pointAtButton(page, tap, errors);
    if (!box) throw new Error(errors.join('; '));
    await browser.startTracing(page, { categories });
    const anchorAt = await page.evaluate(() => performance.mark('bench-anchor').startTime);
    const probe = await clickAndWaitForNotice(page, tap, box);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
    return await analyse(
      trace.traceEvents ?? trace,
      { start: probe.clickAt, painted: probe.noticePainted },
      {
        name: 'bench-anchor',
        at: anchorAt,
      },
    );
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * The numbers of the window `probe.start` → `probe.painted` + settleMs (page clock, ms). The page
 * clock is found in the trace by the page's navigationStart, or by a performance.mark (`anchor`)
 * when the trace started later.
 */
async function analyse(events, probe, anchor) {
  // The renderer main thread of the page: the one that parsed its HTML, or that ran the mark.
  const thread = anchor
    ? events.find((event) => event.name === anchor.name)
    : events.find(
        (event) => event.name === 'ParseHTML' && event.args?.beginData?.url?.startsWith(server.origin),
      );
  const pid = thread?.pid;
  const main = events.filter(
    (event) =>
      event.pid === pid &&
      event.tid === thread?.tid &&
      (event.ph === 'X' || event.ph === 'B' || event.ph === 'E') &&
      typeof event.ts === 'number',
  );
  // performance.now() 0 is the navigation start; the trace's clock differs, so anchor on the
  // navigationStart mark of the page's frame.
  const navigation = events.find(
    (event) => event.pid === pid && event.name === 'navigationStart' && event.args?.data?.isLoadingMainFrame,
  );
  const origin = anchor
    ? (thread?.ts ?? Number.NaN) - anchor.at * 1000
    : (navigation?.ts ?? Math.min(...main.map((event) => event.ts)));
  const end = origin + (probe.painted + settleMs) * 1000;
  // From the script tag on, as the bench counts: the navigation's own commit task (and the
  // profiler's start in it) comes before and is no work of the page's.
  const start = origin + probe.start * 1000;
  const complete = toComplete(main).filter((event) => event.ts >= start && event.ts <= end);
  const tasks = complete.filter(
    (event) => event.name === 'ThreadControllerImpl::RunTask' || event.name === 'RunTask',
  );
  const top = topLevel(tasks);
  // Longest by thread time: on a loaded machine a task's wall time includes the time the thread
  // waited for a core, which says nothing about the page.
  const longestTask = top.reduce((a, b) => (b.cpu > (a?.cpu ?? -1) ? b : a), undefined);
  const within = (task) =>
    complete.filter((event) => event.ts >= task.ts && event.ts + event.dur <= task.ts + task.dur);
  const longTasks = top.filter((task) => task.dur > 50_000);
  const scripts = await scriptTime(events, pid, start, end);
  return {
    paintMs: probe.painted - probe.start,
    longTasks: longTasks.map((task) => task.dur / 1000),
    cpuBeforePaint: top
      .filter((task) => task.ts < origin + probe.painted * 1000)
      .reduce((sum, task) => sum + task.cpu / 1000, 0),
    cpuTotal: top.reduce((sum, task) => sum + task.cpu / 1000, 0),
    longest: {
      dur: (longestTask?.dur ?? 0) / 1000,
      cpu: (longestTask?.cpu ?? 0) / 1000,
      phases: byPhase(longestTask ? within(longestTask) : []),
    },
    window: byPhase(complete),
    names: process.env.PROFILE_DEBUG && longestTask ? selfByName(within(longestTask)) : undefined,
    layouts: process.env.PROFILE_DEBUG
      ? main
          .filter((event) => event.name === 'Layout' && event.ts >= origin && event.ts <= end)
          .map((event) => ({
            at: ((event.ts - origin) / 1000).toFixed(0),
            inLongest: longestTask
              ? event.ts >= longestTask.ts && event.ts <= longestTask.ts + longestTask.dur
              : false,
            stack: (event.args?.beginData?.stackTrace ?? [])
              .map((f) => `${f.functionName}@${f.url.replace(/.*\//, '')}:${f.lineNumber}:${f.columnNumber}`)
              .slice(0, 6),
          }))
      : undefined,
    scripts,
  };
}

/** B/E pairs become complete events; X events stay. Per thread the trace nests them properly. */
function toComplete(events) {
  const out = [];
  const open = [];
  for (const event of [...events].sort((a, b) => a.ts - b.ts)) {
    if (event.ph === 'X')
      out.push({ name: event.name, ts: event.ts, dur: event.dur ?? 0, cpu: event.tdur ?? 0 });
    else if (event.ph === 'B') open.push(event);
    else if (event.ph === 'E') {
      const begin = open.pop();
      if (begin)
        out.push({
          name: begin.name,
          ts: begin.ts,
          dur: event.ts - begin.ts,
          cpu: (event.tts ?? 0) - (begin.tts ?? 0),
        });
    }
  }
  return out.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

/** Tasks not inside another task (a nested run loop shows tasks in tasks). */
function topLevel(tasks) {
  const out = [];
  let until = -1;
  for (const task of tasks) {
    if (task.ts < until) continue;
    out.push(task);
    until = task.ts + task.dur;
  }
  return out;
}

/** Self time (children subtracted) of the events that name a phase, summed per phase, in ms. */
function byPhase(events) {
  const sums = {};
  const stack = [];
  const add = (frame) => {
    const phase = phases[frame.name];
    if (phase) sums[phase] = (sums[phase] ?? 0) + (frame.cpu - frame.child) / 1000;
  };
  for (const event of events) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= event.ts) add(stack.pop());
    const frame = { ...event, child: 0 };
    // A counted event's time goes to its nearest counted parent's children.
    const parent = [...stack].reverse().find((candidate) => phases[candidate.name]);
    if (phases[event.name] && parent) parent.child += event.cpu;
    stack.push(frame);
  }
  while (stack.length) add(stack.pop());
  return sums;
}

/** Self time of the V8 CPU profile's samples in the window, per source module (via source maps). */
async function scriptTime(events, pid, origin, end) {
  const profile = events.find((event) => event.pid === pid && event.name === 'Profile');
  const chunks = events.filter((event) => event.pid === pid && event.name === 'ProfileChunk');
  if (!profile) return {};
  const nodes = new Map();
  let time = profile.args?.data?.startTime ?? 0;
  const sums = {};
  for (const chunk of chunks) {
    const data = chunk.args?.data?.cpuProfile ?? {};
    for (const node of data.nodes ?? []) nodes.set(node.id, node);
    const deltas = chunk.args?.data?.timeDeltas ?? [];
    const ids = data.samples ?? [];
    for (let index = 0; index < ids.length; index++) {
      const delta = deltas[index] ?? 0;
      time += delta;
      const next = deltas[index + 1] ?? 0;
      if (time < origin || time > end) continue;
      const node = nodes.get(ids[index]);
      const frame = node?.callFrame ?? {};
      const key = await sourceOf(frame);
      if (key === '(idle)' || key === '(program)') continue;
      sums[key] = (sums[key] ?? 0) + next / 1000;
    }
  }
  return sums;
}

async function sourceOf(frame) {
  const { url = '', functionName = '', lineNumber = 0, columnNumber = 0 } = frame;
  if (!url) return functionName ? `(${functionName.replace(/^\(|\)$/g, '')})` : '(native)';
  if (url.includes('baseline-element')) return 'baseline bundle (Lit + element)';
  if (url.includes('/pages/probe.js')) return 'bench probe';
  const map = await mapFor(url);
  if (!map) return url.replace(/^.*\//, '');
  const [position] = originalPositions(map, [[lineNumber, columnNumber]]);
  return position ? groupModule(map.sources[position.source]) : url.replace(/^.*\//, '');
}

/** Debugging aid (PROFILE_DEBUG=1): self thread time per event name, to map new names to phases. */
function selfByName(events) {
  const sums = {};
  const stack = [];
  const add = (frame) => (sums[frame.name] = (sums[frame.name] ?? 0) + (frame.cpu - frame.child) / 1000);
  for (const event of events) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= event.ts) add(stack.pop());
    if (stack.length) stack.at(-1).child += event.cpu;
    stack.push({ ...event, child: 0 });
  }
  while (stack.length) add(stack.pop());
  return Object.fromEntries(
    Object.entries(sums)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25),
  );
}
