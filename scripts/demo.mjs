#!/usr/bin/env node
// `npm run demo`: makes the clone ready (setup.mjs --no-browser), then runs demo/start.mjs as a child
// and hands it every signal this process gets. Stopping `npm run demo` by its PID (SIGTERM), Ctrl+C or
// a closed terminal (SIGHUP) thus also stops the demo server, instead of leaving it running. The
// package script starts it with `exec`: npm signals its shell, and a shell does not pass signals on.
import { spawn, spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const setup = spawnSync(process.execPath, ['scripts/setup.mjs', '--no-browser'], {
  cwd: root,
  stdio: 'inherit',
});
if (setup.status !== 0) process.exit(setup.status ?? 1);

const child = spawn(process.execPath, ['demo/start.mjs'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
