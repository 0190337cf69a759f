import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');

export interface RunningDemo {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  adminToken: string;
  dataDir: string;
  /** Everything the demo printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `node demo/start.mjs` exactly as `npm run demo` does after its build step, on a free port
 * (never 5173) with a fresh data directory, and waits for the URLs it prints.
 */
export async function startDemo({ timeoutMs = 20_000 } = {}): Promise<RunningDemo> {
  const dataDir = mkdtempSync(join(tmpdir(), 'optin-demo-'));
  const adminToken = `e2e-${randomBytes(24).toString('base64url')}`;
  const child: ChildProcess = spawn(process.execPath, ['demo/start.mjs'], {
    cwd: repoRoot,
    env: { ...process.env, DEMO_PORT: '0', DEMO_DATA_DIR: dataDir, DEMO_ADMIN_TOKEN: adminToken },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`demo did not start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const check = () => {
      const match = /Shop, German:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1] && output.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`demo exited with ${code}:\n${output}`));
    });
  });

  return {
    url,
    adminToken,
    dataDir,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
