#!/usr/bin/env node
// Every test of the repo, in the order that fails fastest: lint, typecheck, unit, package checks,
// size budgets, e2e in Chromium. Prints what each step counted, then one closing summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const pnpmArgs = ['--yes', 'pnpm@10'];
const summary = [];
let failed = false;

function step(name, args, count) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync('npx', [...pnpmArgs, ...args], { cwd: root, stdio: 'inherit', env: process.env });
  const ok = result.status === 0;
  failed ||= !ok;
  const counted = count ? count() : {};
  summary.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000), ...counted });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

rmSync(`${root}test-results`, { recursive: true, force: true });

step('lint', ['run', 'lint']);
step('typecheck', ['run', 'typecheck']);
step(
  'unit (vitest)',
  [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/unit-results.json',
  ],
  () => {
    const report = readJson(`${root}test-results/unit-results.json`);
    return report
      ? {
          passed: report.numPassedTests,
          failed: report.numFailedTests,
          skipped: report.numPendingTests + report.numTodoTests,
        }
      : {};
  },
);
// The bench's and the build's own helpers (statistics, size tables, the static server, the template
// minifier) use node's test runner.
step(
  'bench and build helpers (node:test)',
  [
    'exec',
    'node',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=junit',
    '--test-reporter-destination=test-results/bench-results.xml',
    'bench/lib/',
    'scripts/rollup/',
  ],
  () => {
    let xml = '';
    try {
      xml = readFileSync(`${root}test-results/bench-results.xml`, 'utf8');
    } catch {
      return {};
    }
    const cases = (xml.match(/<testcase /g) ?? []).length;
    const failures = (xml.match(/<failure/g) ?? []).length;
    const skips = (xml.match(/<skipped/g) ?? []).length;
    return { passed: cases - failures - skips, failed: failures, skipped: skips };
  },
);
step('publint', ['run', 'publint']);
step('size budgets (size-limit)', ['exec', 'size-limit']);
step('e2e (Playwright, Chromium)', ['exec', 'playwright', 'test'], () => {
  const report = readJson(`${root}test-results/e2e-results.json`);
  if (!report) return {};
  const stats = report.stats ?? {};
  return {
    passed: stats.expected ?? 0,
    failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0),
    skipped: stats.skipped ?? 0,
  };
});

console.log('\n=== summary ===');
for (const { name, ok, seconds, passed, failed: f, skipped } of summary) {
  const counts = passed === undefined ? '' : `  ${passed} passed, ${f} failed, ${skipped} skipped`;
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(32)} ${String(seconds).padStart(4)} s${counts}`);
}
const passed = summary.reduce((sum, s) => sum + (s.passed ?? 0), 0);
const failedTests = summary.reduce((sum, s) => sum + (s.failed ?? 0), 0);
const skipped = summary.reduce((sum, s) => sum + (s.skipped ?? 0), 0);
if (!existsSync(`${root}test-results/e2e-results.json`)) failed = true;
console.log(`\n${passed} passed, ${failedTests} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
