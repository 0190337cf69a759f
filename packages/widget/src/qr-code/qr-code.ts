import { html, svg, type TemplateResult } from 'lit';
import { qrMatrix } from './qr-matrix.js';
import { QUIET_ZONE, qrPath } from './qr-path.js';

/**
 * The QR code of a deep link, rendered locally (docs/channels.md#desktop: no external service)
 * as an SVG with one path, built by Lit templates: no innerHTML, no data URL, so it works under
 * `require-trusted-types-for 'script'` and `img-src` restrictions. This module is its own lazy
 * chunk: the dialog imports it only when a desktop visitor reaches the link phase.
 *
 * Colours are fixed dark-on-light in every theme and in forced colours: inverted or recoloured
 * codes fail in many scanner apps.
 *
 * @param value the text to encode (the deep link)
 * @param label the accessible name ("QR code to open WhatsApp on your phone")
 */
export function qrCode(value: string, label: string): TemplateResult {
  const matrix = qrMatrix(value);
  const side = matrix.size + 2 * QUIET_ZONE;
  return html`<svg
    part="qr"
    class="qr"
    role="img"
    aria-label=${label}
    viewBox=${`-${QUIET_ZONE} -${QUIET_ZONE} ${side} ${side}`}
    shape-rendering="crispEdges"
    focusable="false"
  >
    ${svg`<rect class="qr-light" x=${-QUIET_ZONE} y=${-QUIET_ZONE} width=${side} height=${side}></rect><path class="qr-dark" d=${qrPath(matrix)}></path>`}
  </svg>`;
}
