import { describe, expect, it } from 'vitest';
import { chooseLayout } from './position.js';

describe('chooseLayout', () => {
  it.each([
    [1280, true, 'popover'],
    [480, true, 'popover'],
    [479, true, 'sheet'],
    [375, true, 'sheet'],
    [1280, false, 'sheet'],
  ] as const)('%i px wide, anchor %s → %s', (width, anchor, layout) => {
    expect(chooseLayout(width, anchor)).toBe(layout);
  });
});
