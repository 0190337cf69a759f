// Copies a folder (e.g. SQL migrations) next to the compiled JS: `node copy-files.mjs <from> <to>`.
import { cpSync } from 'node:fs';

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error('usage: copy-files.mjs <from> <to>');
  process.exit(2);
}
cpSync(from, to, { recursive: true });
