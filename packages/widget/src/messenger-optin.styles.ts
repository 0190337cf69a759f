import { css } from 'lit';
import { themeTokens } from './theme/theme-tokens.js';

// Theming is custom properties and ::part only (docs/architecture.md#rules-every-part-keeps). The tokens and their defaults are shared
// with the notice dialog (theme/theme-tokens.ts), so one declaration on the page themes both.
//
// The inline layout is a guest in the page's own box: no background of its own (the page shows
// through unless --optin-surface is set), the page's text colour and font, and its own padding, so
// that content never touches the edge of a card a site owner draws (or of the surface they set).
export const styles = css`
  ${themeTokens}

  :host {
    display: block;
    font-family: var(--_font);
    line-height: 1.4;
  }
  /* The shipped texts (de, en) are written left to right; on a right-to-left page they would be
     laid out backwards ("GmbH & Co. KG." shown as ".GmbH & Co. KG"). The notice dialog inherits
     this. A site owner whose texts are right to left sets dir on the element. */
  :host(:not([dir])) {
    direction: ltr;
  }
  :host([hidden]) {
    display: none;
  }
  /* Inline: transparent and in the page's text colour unless the site owner sets them. */
  /* A site owner's headline or button label may hold a word longer than a phone is wide
     (German compounds, a company name): it breaks instead of pushing the page sideways. */
  .root {
    overflow-wrap: anywhere;
    padding: var(--optin-padding, 0.75rem);
    border-radius: var(--_radius);
    background: var(--optin-surface, transparent);
    color: var(--optin-text, inherit);
  }
  .headline {
    margin: 0 0 var(--optin-gap, 0.5rem);
    font-size: 1.05em;
    font-weight: 600;
  }
  .list {
    display: flex;
    flex-wrap: wrap;
    gap: var(--optin-gap, 0.5rem);
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
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
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
  /* In the text colour around it (the page's, inline): readable on whatever the page shows. */
  .unsubscribe {
    margin-top: var(--optin-gap, 0.5rem);
    padding: 0.25em 0;
    border: 0;
    background: none;
    color: inherit;
    text-decoration: underline;
    text-underline-offset: 2px;
    font-size: 0.875em;
  }
  :focus-visible {
    outline: 2px solid currentColor;
    outline-offset: 2px;
  }
  .channel:focus-visible {
    outline-color: var(--_accent);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /*
   * Floating: launcher and panel keep --optin-offset (and --optin-offset-bottom, to clear a footer
   * or a cookie bar) away from the corner, plus the phone's safe area (notch, home indicator).
   */
  .launcher,
  .panel {
    position: fixed;
    right: calc(var(--optin-offset, 1rem) + env(safe-area-inset-right, 0px));
    z-index: var(--_z);
  }
  .launcher {
    --_bottom: calc(var(--optin-offset-bottom, var(--optin-offset, 1rem)) + env(safe-area-inset-bottom, 0px));
    bottom: var(--_bottom);
    display: flex;
    align-items: center;
    gap: 0.5rem;
    box-sizing: border-box;
    min-width: 3.5rem;
    height: 3.5rem;
    padding: 0 1.125rem;
    border: 0;
    border-radius: 1.75rem;
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.3);
  }
  .launcher .icon {
    width: 1.5rem;
    height: 1.5rem;
  }
  /* A visible label where there is room (desktop); on a phone only the icon, the name stays for screen readers. */
  @media (max-width: 599px) {
    .launcher {
      justify-content: center;
      padding: 0;
    }
    .launcher-label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }
  .panel {
    bottom: calc(
      var(--optin-offset-bottom, var(--optin-offset, 1rem)) + env(safe-area-inset-bottom, 0px) + 4.25rem
    );
    box-sizing: border-box;
    /* A panel, not a banner: ten channels wrap into rows instead of spanning a desktop's width. */
    max-width: min(40rem, 100vw - 2 * var(--optin-offset, 1rem));
    max-height: calc(100dvh - 6rem);
    overflow-y: auto;
    padding: 1rem;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
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
