import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderSnapshots } from './snapshot-cases.js';

// The committed snapshots are the reviewed text of every notice; a template change without
// `node scripts/update-notice-snapshots.mjs` (and a review of its diff) fails here.
const dir = fileURLToPath(new URL('./snapshots/', import.meta.url));

describe('notice snapshots', () => {
  it('match the templates, one file per channel × locale', async () => {
    const files = await renderSnapshots();
    expect(readdirSync(dir).sort()).toEqual([...files.keys()].sort());
    for (const [name, content] of files)
      expect(
        readFileSync(`${dir}${name}`, 'utf8'),
        `${name}: run node scripts/update-notice-snapshots.mjs`,
      ).toBe(content);
  });

  it('hold no leftover placeholder but {message}/{ref}, and no forbidden wording', async () => {
    for (const content of (await renderSnapshots()).values()) {
      expect(content.replace(/\{message\}|\{ref\}/g, '')).not.toMatch(/\{[A-Za-z]+\}/);
      expect(content).not.toMatch(
        /gelesen|read this notice|verarbeiten Ihre Daten|bestätigt|via e-mail|des Unternehmens|business’s provider/i,
      );
      // "Nachrichten" never stands in for a missing purpose: every title names it.
      expect(content).not.toMatch(/^Nachrichten von /m);
    }
  });
});
