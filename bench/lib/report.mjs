// The readable half of the results: tables on stdout, with the spec's budgets and goals beside
// the numbers (docs/architecture.md#sizes).
import { kb, num, spread, table, verdict } from './format.mjs';

export const goals = {
  paintRatio: 1.3,
  longestTaskMs: 50,
  layoutShift: 0,
  tapMs: 100,
  // "No growth", with room for measurement noise: a leaked element with its shadow root costs
  // kilobytes per mount, far above this.
  heapGrowthPerMount: 100,
};

const pageNames = {
  baseline: 'baseline (one minimal Lit element)',
  'widget-inline': 'widget, inline',
  'widget-floating': 'widget, floating launcher',
};

function sizesSection(sizes) {
  const lines = ['', 'SIZES (bytes; gzip -9 and brotli q11 via node:zlib; 1 kB = 1000 B)', ''];
  lines.push(
    table(
      ['file', 'raw', 'gzip', 'brotli'],
      sizes.files.map((row) => [
        `${row.file}${row.critical ? ' (render-critical)' : ''}`,
        row.raw,
        row.gzip,
        row.brotli,
      ]),
    ),
  );
  if (sizes.stale.length > 0)
    lines.push(
      `(${sizes.stale.length} .js file(s) in the dist folders are left out: leftovers of earlier builds that no entry imports)`,
    );
  lines.push('', 'BUDGETS (gzip)', '');
  lines.push(
    table(
      ['what', 'raw', 'gzip', 'brotli', 'budget', ''],
      sizes.groups.map((group) =>
        group.error
          ? [group.name, '', '', '', group.budget ? kb(group.budget) : '', group.error]
          : [
              `${group.name}${group.files ? ` (${group.files} file${group.files > 1 ? 's' : ''})` : ''}`,
              kb(group.raw),
              kb(group.gzip),
              kb(group.brotli),
              group.budget ? kb(group.budget) : '',
              group.budget ? (group.gzip <= group.budget ? 'within' : 'OVER') : '',
            ],
      ),
      'lrrrrl',
    ),
  );
  return lines;
}

function browserSection(results) {
  const { browser, settings } = results;
  const lines = [
    '',
    `PAGE LOAD (headless Chromium, CPU ${settings.cpuThrottle}× throttled, pages alternating, fresh context per load;`,
    `median (min–max) of ${settings.runs} runs; ms from the script tag to the first frame showing the component;`,
    `script time = CDP ScriptDuration; long tasks, layout shift until ${settings.settleMs} ms after that paint)`,
    '',
  ];
  const rows = Object.entries(browser.summaries).map(([id, summary]) => [
    pageNames[id] ?? id,
    summary.runs,
    spread(summary.paintMs),
    `${num(summary.paintMs.p25)}–${num(summary.paintMs.p75)}`,
    spread(summary.scriptMs),
    `${spread(summary.longTasks)}, ${num(summary.longTasksBeforePaint.median)} before paint`,
    spread(summary.longestTaskMs),
    spread(summary.layoutShift, 3),
  ]);
  lines.push(
    table(
      ['page', 'runs', 'painted ms', 'IQR', 'script ms', 'long tasks', 'longest task ms', 'layout shift'],
      rows,
    ),
  );
  const widgetPages = ['widget-inline', 'widget-floating'];
  const longest = Math.max(
    ...widgetPages.map((id) => browser.summaries[id]?.longestTaskMs.median ?? Number.NaN),
  );
  const shift = Math.max(...widgetPages.map((id) => browser.summaries[id]?.layoutShift.max ?? Number.NaN));
  const tap = browser.summaries['widget-inline']?.tapMs ?? { median: Number.NaN };
  lines.push('', 'GOALS (reported, not gated)', '');
  lines.push(
    table(
      ['goal', 'measured', ''],
      [
        [
          "painted, widget inline / baseline ≤ 1.3 (median of the rounds' ratios)",
          pairs(browser, 'inline'),
          verdict(browser.pairedRatio?.inline.median ?? browser.ratio.inline, goals.paintRatio),
        ],
        [
          "painted, widget floating / baseline ≤ 1.3 (median of the rounds' ratios)",
          pairs(browser, 'floating'),
          verdict(browser.pairedRatio?.floating.median ?? browser.ratio.floating, goals.paintRatio),
        ],
        [
          'longest task ≤ 50 ms (median of widget pages)',
          `${num(longest)} ms (baseline ${num(browser.summaries['baseline']?.longestTaskMs.median ?? Number.NaN)} ms)`,
          verdict(longest, goals.longestTaskMs),
        ],
        ['layout shift 0 (max over widget runs)', num(shift, 4), verdict(shift, goals.layoutShift)],
        [
          'tap channel → notice painted ≤ 100 ms',
          `${spread(tap)} ms; ${num(browser.summaries['widget-inline']?.tapScripts.median ?? Number.NaN)} script(s) fetched after the tap`,
          verdict(tap.median, goals.tapMs),
        ],
        ...heapRows(results.heap),
      ],
      'lrl',
    ),
  );
  if (browser.errors.length > 0)
    lines.push('', 'browser notes:', ...browser.errors.slice(0, 12).map((error) => `  - ${error}`));
  return lines;
}

function heapRows(heap) {
  if (!heap) return [];
  return Object.entries(heap)
    .filter(([, value]) => value)
    .map(([id, value]) => [
      `heap, ${id}: ${value.mounts} more mount+remove ≤ ${goals.heapGrowthPerMount} B/mount, none kept`,
      `${kb(value.before)} → ${kb(value.after)} (${value.growth >= 0 ? '+' : ''}${num(value.perMount, 1)} B/mount), ` +
        `${value.leakedInstances} removed alive; warm-up round ${value.warmupGrowth >= 0 ? '+' : ''}${kb(value.warmupGrowth)}`,
      value.leakedInstances > 0 ? 'MISSED' : verdict(value.perMount, goals.heapGrowthPerMount),
    ]);
}

function receiverSection(results) {
  const lines = [
    '',
    `RECEIVER (CLI process on loopback, autocannon from the bench process; fixed rate: 1 event per request,`,
    `${results.settings.receiverRate} req/s, 8 connections; saturated: 10 events per request, 16 connections; ${results.settings.receiverSeconds} s each;`,
    `receiver CPU = user + system time of the receiver process per accepted event (PostgreSQL's own processes not included))`,
    '',
  ];
  const rows = results.receiver.flatMap((entry) =>
    [
      ['fixed rate', entry.fixed],
      ['saturated', entry.saturated],
    ].map(([load, run]) => [
      entry.label,
      load,
      num(run.requestsPerSecond),
      num(run.eventsPerSecond),
      num(run.latencyMs.p50),
      num(run.latencyMs.p99),
      num(run.latencyMs.max),
      num(run.receiverCpuMsPerEvent, 1),
      `${run.non2xx}${
        run.non2xx > 0
          ? ` (${Object.entries(run.statusCounts)
              .filter(([code]) => !code.startsWith('2'))
              .map(([code, count]) => `${code}×${count}`)
              .join(' ')})`
          : ''
      }`,
      run.errors,
    ]),
  );
  const failures = results.receiver.flatMap((entry) =>
    [entry.fixed, entry.saturated]
      .filter((run) => run.firstFailure)
      .map(
        (run) => `${entry.label}: first failed answer ${run.firstFailure.status}: ${run.firstFailure.body}`,
      ),
  );
  if (failures.length > 0) lines.push(...failures, '');
  lines.push(
    table(
      [
        'database',
        'load',
        'req/s',
        'events/s accepted',
        'p50 ms',
        'p99 ms',
        'max ms',
        'receiver CPU ms/event',
        'non-2xx',
        'errors',
      ],
      rows,
      'llrrrrrrrr',
    ),
  );
  return lines;
}

/** Prints everything measured, skipping the phases that did not run. */
export function printReport(results) {
  const { machine } = results;
  const lines = [
    '',
    '=== messenger-optin bench ===',
    `${machine.date}  commit ${machine.commit?.slice(0, 12) ?? 'unknown'}${machine.dirty ? ' (+ uncommitted changes)' : ''}`,
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.platform}, Node ${machine.node}` +
      (machine.chromium ? `, Chromium ${machine.chromium}` : ''),
    `load average at start: ${machine.loadAverage.join(' ')}, at the end: ${machine.loadAverageEnd?.join(' ') ?? 'n/a'}`,
  ];
  if (Math.max(...machine.loadAverage, ...(machine.loadAverageEnd ?? [])) > machine.cores)
    lines.push(
      'NOTE: the machine was busy with other work (load above its core count): timings are inflated and noisy.',
    );
  if (results.settings.runs < 9)
    lines.push(`NOTE: only ${results.settings.runs} runs per page; the spec asks for at least 9.`);
  if (results.sizes) lines.push(...sizesSection(results.sizes));
  if (results.browser) lines.push(...browserSection(results));
  if (results.receiver.length > 0) lines.push(...receiverSection(results));
  if (results.errors.length > 0) lines.push('', 'NOTES', ...results.errors.map((error) => `  - ${error}`));
  console.log(lines.join('\n'));
}

/** "1.42 (IQR 1.30–1.55; ratio of the medians 1.51)": the pairs decide, the other is for comparison. */
function pairs(browser, layout) {
  const paired = browser.pairedRatio?.[layout];
  if (!paired) return num(browser.ratio[layout], 2);
  return `${num(paired.median, 2)} (IQR ${num(paired.p25, 2)}–${num(paired.p75, 2)}; ratio of the medians ${num(browser.ratio[layout], 2)})`;
}
