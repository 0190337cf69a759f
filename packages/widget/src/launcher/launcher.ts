import { html, type TemplateResult } from 'lit';

export interface LauncherOptions {
  label: string;
  open: boolean;
  onToggle: () => void;
}

/**
 * The floating layout's launcher: a disclosure button fixed in a corner (aria-expanded, controls
 * the panel). Being `position: fixed`, it takes no space in the page: no layout shift. Its label is
 * visible where there is room, so it does not read as a live chat; on a phone it is the accessible
 * name only (messenger-optin.styles.ts).
 */
export function renderLauncher({ label, open, onToggle }: LauncherOptions): TemplateResult {
  return html`<button
    type="button"
    part="launcher"
    class="launcher"
    aria-expanded=${open ? 'true' : 'false'}
    aria-controls="panel"
    @click=${onToggle}
  >
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill-rule="evenodd"
        d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2Zm3 5v2h10V8H7Zm0 4v2h7v-2H7Z"
      ></path>
    </svg>
    <span part="launcher-label" class="launcher-label">${label}</span>
  </button>`;
}
