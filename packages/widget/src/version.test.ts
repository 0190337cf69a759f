import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { WIDGET_VERSION } from './version.js';

it('reports the version of package.json in consent events', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(WIDGET_VERSION).toBe(pkg.version);
});
