import { html, type TemplateResult } from 'lit';
import type { ChannelIcon } from '@messenger-optin/sdk';

/**
 * An inline SVG icon, decorative (the button's text names the channel); no innerHTML, CSP-safe.
 * Without the icon yet, the same box stays empty, so nothing shifts when it arrives.
 */
export function channelIcon(icon: ChannelIcon | undefined): TemplateResult {
  return html`<svg class="icon" viewBox=${icon?.viewBox ?? '0 0 24 24'} aria-hidden="true" focusable="false">
    <path d=${icon?.path ?? ''}></path>
  </svg>`;
}
