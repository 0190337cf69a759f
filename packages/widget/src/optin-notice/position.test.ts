import { describe, expect, it } from 'vitest';
import { BESIDE_MIN_SHARE, chooseLayout, coversButton } from './position.js';

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

describe('coversButton', () => {
  it.each([
    // room on its side, height needed, share → covers the button
    [700, 663, BESIDE_MIN_SHARE, false], // all of it fits beside the button
    [650, 663, BESIDE_MIN_SHARE, false], // most of it: beside the button, the rest scrolls inside
    [498, 663, BESIDE_MIN_SHARE, false], // just over three quarters: still beside it
    [380, 663, BESIDE_MIN_SHARE, true], // the room above a mid-page button, 57 %: covers it
    [650, 663, 1, true], // a QR code is only useful whole
    [663, 663, 1, false],
  ] as const)('room %i, needed %i, share %d → %s', (room, needed, share, covers) => {
    expect(coversButton(room, needed, share)).toBe(covers);
  });
});
