import { expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { WIDGET_VERSION } from './version.js';

it('reports the version of package.json in consent events', () => {
  expect(WIDGET_VERSION).toBe(pkg.version);
});
