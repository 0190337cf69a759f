import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../..');
export const outdir = resolve(root, 'e2e/.build/notice');

/**
 * Bundles the fixture driver with the dialog from source (the `source` export condition), code-split
 * so the QR code stays its own chunk as in the real build. Parallel workers each build: every file
 * is written to a temporary name and renamed, so a page never reads a half-written file.
 */
export async function buildNoticeFixture(): Promise<void> {
  const result = await build({
    entryPoints: [resolve(root, 'e2e/fixtures/notice/fixture.ts')],
    bundle: true,
    format: 'esm',
    splitting: true,
    conditions: ['source'],
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    write: false,
    logLevel: 'silent',
    target: 'es2022',
  });
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}
