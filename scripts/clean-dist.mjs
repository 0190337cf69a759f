// Empties the build folders first, so a renamed chunk from an older build is never shipped or measured.
import { rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
for (const folder of ['packages/sdk/dist', 'packages/widget/dist', 'packages/receiver/dist']) {
  rmSync(`${root}${folder}`, { recursive: true, force: true });
}
