import { describe, expect, it } from 'vitest';
import { wrapTarget } from './focus-trap.js';

// Stand-ins: wrapTarget only compares identities, the real focus behaviour runs in Chromium (e2e/notice).
const [close, link, confirm] = [
  { id: 'close' },
  { id: 'link' },
  { id: 'confirm' },
] as unknown as HTMLElement[];
const items = [close, link, confirm] as HTMLElement[];
const heading = { id: 'heading' } as unknown as HTMLElement;

describe('wrapTarget', () => {
  it('wraps Tab from the last control to the first', () => {
    expect(wrapTarget(items, confirm ?? null, false)).toBe(close);
  });

  it('wraps Shift+Tab from the first control to the last', () => {
    expect(wrapTarget(items, close ?? null, true)).toBe(confirm);
  });

  it('leaves moves in the middle to the browser', () => {
    expect(wrapTarget(items, link ?? null, false)).toBeNull();
    expect(wrapTarget(items, link ?? null, true)).toBeNull();
  });

  it('enters at the matching end from the heading or from outside', () => {
    expect(wrapTarget(items, heading, false)).toBe(close);
    expect(wrapTarget(items, heading, true)).toBe(confirm);
    expect(wrapTarget(items, null, false)).toBe(close);
  });

  it('does nothing without controls', () => {
    expect(wrapTarget([], null, false)).toBeNull();
  });
});
