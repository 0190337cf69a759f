import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWidgetConfig } from '../schema/widget-config.js';
import { checkWidgetConfig } from './check-widget-config.js';
import { brokenConfig, validConfig } from './test-helpers.js';

// The guarantee behind the zod-free checker: for any input, it says exactly what the zod schema
// says: the same verdict, the same config with defaults, the same issues in the same order.
describe('checkWidgetConfig and parseWidgetConfig agree', () => {
  it('on valid configs', () => {
    fc.assert(
      fc.property(validConfig, (config) => {
        expect(checkWidgetConfig(config)).toStrictEqual(parseWidgetConfig(config));
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('on broken configs and on things that are no config', () => {
    fc.assert(
      fc.property(brokenConfig, (input) => {
        expect(checkWidgetConfig(input)).toStrictEqual(parseWidgetConfig(input));
      }),
      { numRuns: 4000 },
    );
    // 4,000 runs take ~4 s alone and longer on a shared machine: bounded by the run count, not time.
  }, 60_000);
});
