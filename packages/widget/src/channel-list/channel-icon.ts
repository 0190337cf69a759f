import { html, type TemplateResult } from 'lit';
import type { ChannelIcon } from '@messenger-optin/sdk';

/** An inline SVG icon, decorative (the button's text names the channel); no innerHTML, CSP-safe. */
export function channelIcon({ viewBox, path }: ChannelIcon): TemplateResult {
  return html`<svg class="icon" viewBox=${viewBox} aria-hidden="true" focusable="false"><path d=${path}></path></svg>`;
}
