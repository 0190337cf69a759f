import { describe, expect, it } from 'vitest';
import { chooseLayout, popoverMaxHeight } from './position.js';

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

describe('popoverMaxHeight', () => {
  it.each([
    // room, needed, viewport → max height
    [500, 420, 800, 500], // fits on its side
    [300, 420, 800, 420], // needs more than its side has: all it needs, overlapping the button
    [300, 1200, 800, 784], // taller than the viewport: the viewport, the body scrolls
    [900, 1200, 800, 900],
  ] as const)('room %i, content %i, viewport %i → %i', (room, needed, viewport, height) => {
    expect(popoverMaxHeight(room, needed, viewport)).toBe(height);
  });
});
