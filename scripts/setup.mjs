#!/usr/bin/env node
// Makes a fresh clone ready: dependencies, the system Chromium for browser tests, PostgreSQL for the
// receiver's server tests, and the builds. Needs only Node >= 20; pnpm comes through npx.
//   node scripts/setup.mjs               everything
//   node scripts/setup.mjs --no-browser  skip Chromium and PostgreSQL (the demo needs neither)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const skipBrowser = process.argv.includes('--no-browser');
const root = new URL('..', import.meta.url).pathname;

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`messenger-optin needs Node.js >= 20.19; this is ${process.versions.node}.`);
  process.exit(1);
}

function run(command, args, options = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: 'inherit', cwd: root, ...options });
}

const pnpm = (...args) => run('npx', ['--yes', 'pnpm@10', ...args]);

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

let aptUpdated = false;
function aptInstall(packages) {
  if (!isRoot() || !existsSync('/usr/bin/apt-get')) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    run('apt-get', ['update', '-qq'], { env });
    aptUpdated = true;
  }
  run('apt-get', ['install', '-y', '-qq', ...packages], { env });
  return true;
}

pnpm('install', '--frozen-lockfile', '--config.confirmModulesPurge=false');

if (!skipBrowser) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.log(`\nChromium not found at ${chromium}: installing Debian's chromium package.`);
    if (!aptInstall(['chromium']) || !existsSync(chromium)) {
      console.error(
        `No Chromium at ${chromium} and it could not be installed here. Install Chromium and set CHROMIUM_PATH.`,
      );
      process.exit(1);
    }
  }
  // The receiver's tests also run against a real PostgreSQL server where one can be had.
  const hasPostgres =
    spawnSync('bash', ['-c', 'ls /usr/lib/postgresql/*/bin/initdb'], { stdio: 'ignore' }).status === 0;
  if (!hasPostgres && !process.env.DATABASE_URL) {
    try {
      aptInstall(['postgresql']);
    } catch {
      console.log('PostgreSQL could not be installed; its tests will be skipped (PGlite tests still run).');
    }
  }
}

pnpm('run', 'build');
