import { css } from 'lit';

/*
 * The one set of theme tokens of both elements, <messenger-optin> and its notice dialog (which sits
 * in the first one's shadow root and inherits from it). A page themes both with one declaration of
 * the public --optin-* properties; each element reads them, with these defaults, into private --_*
 * ones. The public names are never declared here: a declaration on :host would shadow the value a
 * page sets on <messenger-optin> for the dialog inside it.
 *
 * Every text/background pair keeps ≥ 4.5:1 in both palettes (axe checks it in the browser tests).
 * The surface is the background of the floating panel and the dialog; the inline layout has none by
 * default and shows the page (see messenger-optin.styles.ts).
 */

/** The dark palette, for `theme="dark"` and for `theme="auto"` on a dark system alike. */
const darkPalette = css`
  --_accent: var(--optin-accent, #9ec1ff);
  --_accent-text: var(--optin-accent-text, #0a1f44);
  --_surface: var(--optin-surface, #1e2227);
  --_text: var(--optin-text, #eef1f4);
  --_muted: var(--optin-muted, #b9c0c8);
  --_border: var(--optin-border, #7d8792);
  color-scheme: dark;
`;

export const themeTokens = css`
  :host {
    --_accent: var(--optin-accent, #0b57d0);
    --_accent-text: var(--optin-accent-text, #ffffff);
    --_surface: var(--optin-surface, #ffffff);
    --_text: var(--optin-text, #1b1f24);
    --_muted: var(--optin-muted, #4b5563);
    --_border: var(--optin-border, #8a939e);
    --_radius: var(--optin-radius, 0.5rem);
    --_font: var(--optin-font-family, inherit);
    --_shadow: var(--optin-shadow, 0 12px 32px rgb(0 0 0 / 0.22), 0 2px 6px rgb(0 0 0 / 0.12));
    --_z: var(--optin-z-index, 2147483000);
    --_backdrop: var(--optin-backdrop, rgb(0 0 0 / 0.45));
    color-scheme: light;
  }

  :host([theme='dark']) {
    ${darkPalette}
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkPalette}
    }
  }
`;
