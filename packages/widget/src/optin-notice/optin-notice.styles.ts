import { themeTokens } from '../theme/theme-tokens.js';
import { css } from 'lit';

/*
 * The theme tokens (--_accent, --_surface, …) are shared with <messenger-optin> (theme/theme-tokens.ts).
 * Buttons are at least 44 × 44 px (WCAG 2.5.5). Adopted stylesheets, so no 'unsafe-inline' is
 * needed under `style-src 'self'`.
 */
export const noticeStyles = css`
  ${themeTokens}

  :host {
    display: contents;
  }

  /* The top layer box (top-layer.ts): over the whole viewport, without the popover's default
     border, padding, colours and scrolling, and letting presses through to the page around the
     dialog. Never given a display value: the browser hides it with display: none until shown. */
  .layer {
    position: fixed;
    inset: 0;
    width: auto;
    height: auto;
    max-width: none;
    max-height: none;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    overflow: visible;
    pointer-events: none;
  }

  .layer > * {
    pointer-events: auto;
  }

  .backdrop {
    position: fixed;
    inset: 0;
    z-index: var(--_z);
    background: var(--_backdrop);
  }

  .dialog {
    position: fixed;
    z-index: var(--_z);
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    overflow: hidden;
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--_font);
    font-size: 0.875rem;
    line-height: 1.4;
    /* The company name is in the heading and the texts: one long word must wrap, not be clipped. */
    overflow-wrap: anywhere;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    transition:
      opacity 120ms ease-out,
      transform 120ms ease-out;
  }

  .dialog.popover {
    top: 0;
    left: 0;
    width: max-content;
    max-width: min(400px, calc(100vw - 16px));
    max-height: calc(100vh - 16px);
  }

  /* Until Floating UI placed it: invisible but focusable (visibility:hidden would drop the focus). */
  .dialog.popover:not(.placed) {
    opacity: 0;
  }

  .dialog.sheet {
    left: 0;
    right: 0;
    bottom: 0;
    /* The first layer must show without scrolling the page on a phone: the body scrolls inside. */
    max-height: calc(100vh - 16px);
    max-height: calc(100dvh - 16px);
    border-end-start-radius: 0;
    border-end-end-radius: 0;
    padding-bottom: env(safe-area-inset-bottom, 0);
  }

  .dialog.sheet:not(.placed) {
    transform: translateY(16px);
    opacity: 0;
  }

  header {
    display: flex;
    align-items: flex-start;
    gap: 8px;
    /* Logical sides: on a right-to-left page the heading starts at the body text's 16 px inset. */
    padding-block: 6px 2px;
    padding-inline: 16px 4px;
  }

  h2 {
    flex: 1;
    margin: 11px 0 0;
    font-size: 1rem;
    line-height: 1.3;
    font-weight: 650;
  }

  h2:focus {
    outline: none;
  }

  h2:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .body {
    flex: 1 1 auto;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 4px 16px 8px;
  }

  p {
    margin: 0 0 8px;
  }

  h3 {
    margin: 12px 0 4px;
    font-size: inherit;
  }

  .muted {
    color: var(--_muted);
  }

  a {
    color: var(--_accent);
    text-underline-offset: 2px;
  }

  .details {
    margin-top: 4px;
  }

  .details-region {
    padding-top: 4px;
  }

  footer {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    padding: 8px 16px 12px;
    border-top: 1px solid color-mix(in srgb, var(--_text) 12%, transparent);
  }

  label.check {
    display: flex;
    align-items: center;
    gap: 10px;
    min-height: 44px;
    flex-basis: 100%;
    cursor: pointer;
  }

  label.check input {
    width: 22px;
    height: 22px;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }

  button,
  .button {
    box-sizing: border-box;
    min-height: 44px;
    min-width: 44px;
    padding: 10px 16px;
    border-radius: calc(var(--_radius) * 0.67);
    border: 1px solid var(--_border);
    background: transparent;
    color: var(--_text);
    font: inherit;
    font-weight: 600;
    line-height: 1.2;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }

  .primary {
    flex: 1 1 auto;
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }

  .primary:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }

  button.close {
    padding: 0;
    border-color: transparent;
    font-size: 1.5rem;
    font-weight: 400;
  }

  button.disclosure {
    padding-inline: 4px;
    border-color: transparent;
    color: var(--_accent);
    gap: 6px;
  }

  button.disclosure::before {
    content: '';
    border: solid currentColor;
    border-width: 0 2px 2px 0;
    padding: 3px;
    transform: rotate(-45deg);
  }

  button.disclosure[aria-expanded='true']::before {
    transform: rotate(45deg);
  }

  button:focus-visible,
  a:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }

  .primary:focus-visible {
    outline-color: var(--_text);
  }

  /* The whole message must stay readable: the field takes its own row, the button the next, and
     it is a textarea as tall as its text, so a long company name wraps instead of scrolling out
     of sight (rows="3" where field-sizing is not supported). */
  .message {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin: 4px 0 12px;
  }

  .message textarea {
    flex: 1 1 100%;
    field-sizing: content;
    resize: none;
    min-width: 0;
    min-height: 44px;
    box-sizing: border-box;
    padding: 8px 10px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.67);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
  }

  /* The code and, beside it (below it in a narrow dialog), what the visitor sends. */
  .qr-box {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 8px 16px;
    margin: 4px 0 8px;
  }

  .qr-text {
    flex: 1 1 140px;
    min-width: 0;
  }

  .sent-message {
    padding: 6px 8px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.67);
    font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
  }

  .reference {
    font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
    letter-spacing: 0.05em;
  }

  .qr {
    display: block;
    flex: none;
    width: 176px;
    height: 176px;
    forced-color-adjust: none;
  }

  .qr-light {
    fill: #ffffff;
  }

  .qr-dark {
    fill: #000000;
  }

  .qr-placeholder {
    display: grid;
    place-items: center;
    flex: none;
    width: 176px;
    height: 176px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (prefers-reduced-motion: reduce) {
    .dialog {
      transition: none;
    }
    .dialog.sheet:not(.placed) {
      transform: none;
    }
  }

  @media (forced-colors: active) {
    .dialog {
      border: 2px solid CanvasText;
    }
    button,
    .button,
    .message textarea {
      border: 1px solid ButtonText;
    }
    .primary {
      background: ButtonText;
      color: ButtonFace;
      forced-color-adjust: none;
    }
    .primary:disabled {
      background: GrayText;
      color: ButtonFace;
    }
    button:focus-visible,
    a:focus-visible,
    input:focus-visible,
    h2:focus-visible {
      outline: 3px solid Highlight;
    }
    footer {
      border-top-color: CanvasText;
    }
  }
`;
