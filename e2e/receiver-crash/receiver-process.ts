import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');
const bin = resolve(repoRoot, 'packages/receiver/bin/messenger-optin-receiver.js');

export interface ReceiverSettings {
  port: number;
  dataDir: string;
  adminToken: string;
  allowedOrigin: string;
}

/** A free TCP port on 127.0.0.1 (the receiver must come back on the same one after the crash). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** The receiver CLI as an operator starts it, as a child process we can SIGKILL. */
export class ReceiverProcess {
  private child: ChildProcess | undefined;
  output = '';

  constructor(private readonly settings: ReceiverSettings) {}

  get url(): string {
    return `http://127.0.0.1:${this.settings.port}`;
  }

  async start(timeoutMs = 20_000): Promise<void> {
    const { port, dataDir, adminToken, allowedOrigin } = this.settings;
    // DATABASE_URL would select a PostgreSQL server: this test is about the embedded database.
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const child = spawn(
      process.execPath,
      [
        ...[bin, 'start', '--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir],
        ...['--allowed-origin', allowedOrigin],
      ],
      { cwd: repoRoot, env: { ...env, RECEIVER_ADMIN_TOKEN: adminToken }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`receiver exited with ${child.exitCode}:\n${this.output}`);
      const healthy = await fetch(`${this.url}/healthz`)
        .then((response) => response.ok)
        .catch(() => false);
      if (healthy) return;
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`receiver not healthy after ${timeoutMs} ms:\n${this.output}`);
  }

  /** SIGKILL: no shutdown hook runs, open transactions and half-read requests die with it. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
    if (child.exitCode === null && child.signalCode === null) await this.kill();
  }

  /** Every stored entry, through the admin export (JSON). */
  async exportEntries(): Promise<Array<{ kind: string; entryId: string; record: { eventId?: string } }>> {
    const response = await fetch(`${this.url}/v1/export?format=json`, {
      headers: { authorization: `Bearer ${this.settings.adminToken}` },
    });
    if (!response.ok) throw new Error(`export answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as Array<{ kind: string; entryId: string; record: { eventId?: string } }>;
  }
}
