import { describe, expect, it } from 'vitest';
import { platformOf } from './platform.js';

const safari = 'AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const mac =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';

describe('platformOf', () => {
  it.each([
    ['iPhone', `Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) ${safari}`, 5, 'ios'],
    ['iPad before iPadOS 13', `Mozilla/5.0 (iPad; CPU OS 12_5 like Mac OS X) ${safari}`, 5, 'ios'],
    ['iPod touch', `Mozilla/5.0 (iPod touch; CPU iPhone OS 15_7 like Mac OS X) ${safari}`, 5, 'ios'],
    // iPadOS 13+ Safari's default user agent is a Mac's; only the touch screen differs.
    ['iPad with iPadOS 13+', mac, 5, 'ios'],
    ['Mac', mac, 0, 'other'],
    [
      'Android',
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36',
      5,
      'other',
    ],
    [
      'Windows with a touch screen',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
      10,
      'other',
    ],
  ])('%s', (_name, userAgent, touchPoints, expected) => {
    expect(platformOf(userAgent, touchPoints)).toBe(expected);
  });
});
