import { composeMessage, deepLink } from '@messenger-optin/sdk';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from './qr-matrix.js';
import { QUIET_ZONE, qrPath } from './qr-path.js';

const PIXELS_PER_MODULE = 4;

/**
 * Rasterizes what the widget draws (the SVG path's rectangles on a light square with the quiet
 * zone) into RGBA pixels, so a real decoder reads exactly the code a visitor's phone would see.
 */
function rasterize(path: string, size: number): { data: Uint8ClampedArray; side: number } {
  const side = (size + 2 * QUIET_ZONE) * PIXELS_PER_MODULE;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [, x, y, width] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    const left = (Number(x) + QUIET_ZONE) * PIXELS_PER_MODULE;
    const top = (Number(y) + QUIET_ZONE) * PIXELS_PER_MODULE;
    for (let py = top; py < top + PIXELS_PER_MODULE; py++)
      for (let px = left; px < left + Number(width) * PIXELS_PER_MODULE; px++)
        data.fill(0, (py * side + px) * 4, (py * side + px) * 4 + 3);
  }
  return { data, side };
}

function scan(value: string): string | undefined {
  const matrix = qrMatrix(value);
  const { data, side } = rasterize(qrPath(matrix), matrix.size);
  return jsQR(data, side, side)?.data;
}

const message = (company: string) => composeMessage({ keyword: 'Start', company, ref: 'K7Q2XR' });

describe('the QR code of a deep link', () => {
  it.each([
    ['WhatsApp', deepLink({ type: 'whatsapp', phone: '+49 170 1234567' }, message('News Firma'))],
    ['Telegram bot', deepLink({ type: 'telegram', username: 'firma_bot' }, message('Müller & Söhne'))],
    ['Signal', deepLink({ type: 'signal', phone: '+49 170 1234567' }, message('Firma'))],
    ['Threema', deepLink({ type: 'threema', id: 'ABCD1234' }, message('Bäckerei „Zur Ecke“ 🥐'))],
  ])('scans back to the exact %s link', (_name, link) => {
    expect(scan(link.href)).toBe(link.href);
  });

  it('scans back long links too (a company name of 100 characters, fully percent-encoded)', () => {
    const link = deepLink({ type: 'whatsapp', phone: '+49 170 1234567' }, message('Ä'.repeat(100)));
    expect(link.href.length).toBeGreaterThan(600);
    expect(scan(link.href)).toBe(link.href);
  });

  it('uses error correction level M or better, for codes scanned off a screen at an angle', () => {
    // Format information (ISO/IEC 18004 §7.9) sits in row 8, columns 0–5; its first two bits,
    // after the fixed mask 101010…, give the level: 00 = M, 01 = L, 10 = H, 11 = Q.
    const matrix = qrMatrix('https://wa.me/491701234567?text=Start%20Firma');
    const bit = (x: number) => (matrix.get(x, 8) ? 1 : 0);
    const level = ((bit(0) ^ 1) << 1) | bit(1);
    expect(level).not.toBe(0b01);
  });
});
