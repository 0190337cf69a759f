/** The read side of a QR matrix (lean-qr's Bitmap2D), so the path builder stays pure. */
export interface QrMatrix {
  readonly size: number;
  get(x: number, y: number): boolean;
}

/** Light modules required around the code by ISO/IEC 18004 (the "quiet zone"). */
export const QUIET_ZONE = 4;

/**
 * One SVG path for all dark modules, one rectangle per horizontal run of dark modules, in module
 * units (scale with the viewBox). One path element keeps the DOM tiny: a version-5 code has ~600
 * dark modules but only ~250 runs.
 */
export function qrPath(matrix: QrMatrix): string {
  const parts: string[] = [];
  for (let y = 0; y < matrix.size; y++) {
    let x = 0;
    while (x < matrix.size) {
      if (!matrix.get(x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < matrix.size && matrix.get(x, y)) x++;
      parts.push(`M${start} ${y}h${x - start}v1h-${x - start}z`);
    }
  }
  return parts.join('');
}
