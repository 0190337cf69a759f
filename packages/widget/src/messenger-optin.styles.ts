import { css } from 'lit';

// Theming is custom properties and ::part only (docs/architecture.md#rules-every-part-keeps). The notice dialog (optin-notice/)
// reads the same property names, so one declaration on the page themes both.
export const styles = css`
  :host {
    --optin-accent: #0b57d0;
    --optin-accent-text: #fff;
    --optin-surface: #fff;
    --optin-text: #1f1f1f;
    --optin-muted: #5e5e5e;
    --optin-border: #c4c7c5;
    --optin-radius: 0.5rem;
    --optin-font-family: inherit;
    --optin-gap: 0.5rem;
    --optin-z-index: 2147483000;
    --optin-offset: 1rem;
    display: block;
    color: var(--optin-text);
    font-family: var(--optin-font-family);
    line-height: 1.4;
  }
  :host([theme='dark']) {
    --optin-accent: #a8c7fa;
    --optin-accent-text: #062e6f;
    --optin-surface: #1f1f1f;
    --optin-text: #e3e3e3;
    --optin-muted: #c4c7c5;
    --optin-border: #8e918f;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --optin-accent: #a8c7fa;
      --optin-accent-text: #062e6f;
      --optin-surface: #1f1f1f;
      --optin-text: #e3e3e3;
      --optin-muted: #c4c7c5;
      --optin-border: #8e918f;
    }
  }
  :host([hidden]) {
    display: none;
  }
  .root {
    background: var(--optin-surface);
    border-radius: var(--optin-radius);
  }
  .headline {
    margin: 0 0 var(--optin-gap);
    font-size: 1.05em;
    font-weight: 600;
  }
  .list {
    display: flex;
    flex-wrap: wrap;
    gap: var(--optin-gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  .channel {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.75rem;
    padding: 0.5em 1em;
    border: 1px solid var(--optin-accent);
    border-radius: var(--optin-radius);
    background: var(--optin-accent);
    color: var(--optin-accent-text);
  }
  .channel:hover {
    filter: brightness(1.1);
  }
  .icon {
    width: 1.25em;
    height: 1.25em;
    flex: none;
    fill: currentColor;
  }
  .unsubscribe {
    margin-top: var(--optin-gap);
    padding: 0.25em 0;
    border: 0;
    background: none;
    color: var(--optin-muted);
    text-decoration: underline;
    font-size: 0.875em;
  }
  .unsubscribe[aria-pressed='true'] {
    color: var(--optin-text);
    font-weight: 600;
  }
  :focus-visible {
    outline: 2px solid var(--optin-text);
    outline-offset: 2px;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .launcher,
  .panel {
    position: fixed;
    right: var(--optin-offset);
    z-index: var(--optin-z-index);
  }
  .launcher {
    bottom: var(--optin-offset);
    display: grid;
    place-items: center;
    width: 3.5rem;
    height: 3.5rem;
    border: 0;
    border-radius: 50%;
    background: var(--optin-accent);
    color: var(--optin-accent-text);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.3);
  }
  .launcher .icon {
    width: 1.75rem;
    height: 1.75rem;
  }
  .panel {
    bottom: calc(var(--optin-offset) + 4.25rem);
    box-sizing: border-box;
    max-width: calc(100vw - 2 * var(--optin-offset));
    padding: 1rem;
    border: 1px solid var(--optin-border);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
  }
  .panel .headline {
    margin-right: 2rem;
  }
  .close {
    position: absolute;
    top: 0.5rem;
    right: 0.5rem;
    min-width: 2rem;
    min-height: 2rem;
    border: 0;
    background: none;
    color: inherit;
    font-size: 1.25em;
    line-height: 1;
  }
  @media (prefers-reduced-motion: no-preference) {
    .panel {
      animation: rise 150ms ease-out;
    }
    @keyframes rise {
      from {
        opacity: 0;
        transform: translateY(0.5rem);
      }
    }
  }
  @media (forced-colors: active) {
    .channel,
    .launcher,
    .panel {
      border: 1px solid ButtonText;
    }
    .icon {
      fill: ButtonText;
    }
  }
`;
