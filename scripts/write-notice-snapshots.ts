// Run by update-notice-snapshots.mjs (under tsx): writes every snapshot file, removes stale ones.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSnapshots } from '../packages/sdk/src/notices/snapshot-cases.js';

const dir = fileURLToPath(new URL('../packages/sdk/src/notices/snapshots/', import.meta.url));
mkdirSync(dir, { recursive: true });
const files = await renderSnapshots();
for (const name of readdirSync(dir)) if (!files.has(name)) rmSync(`${dir}${name}`);
for (const [name, content] of files) writeFileSync(`${dir}${name}`, content);
console.log(`wrote ${files.size} notice snapshots to ${dir}`);
