/**
 * The HTML a site owner pastes: the script tag (with its Subresource Integrity hash, so a changed
 * file on the CDN is refused by the browser), an import map that gives the lazy chunks theirs, and
 * the element. Pure string building.
 *
 * `import()` has no `integrity` attribute: the import map's `integrity` entries are how a page pins
 * the files the entry loads later (HTML spec, import maps; shipped in Chromium and Safari; browsers
 * without it ignore the entries and load the chunks unchecked). The map must come before the first
 * module script of the page.
 *
 * An inline import map needs a CSP hash on pages with a Content-Security-Policy; with
 * `importMapHash` (the sha256 of `importMapText`) the snippet says which.
 *
 * @param {{ scriptUrl: string, integrity?: string, chunkIntegrity?: Record<string, string>,
 *   importMapHash?: string, attributes: Array<[string, string | true]> }} options
 *   `chunkIntegrity`: absolute URL → hash
 */
export function buildSnippet({ scriptUrl, integrity, chunkIntegrity = {}, importMapHash, attributes }) {
  const parts = [];
  if (Object.keys(chunkIntegrity).length > 0) {
    const hint = importMapHash
      ? `<!-- Under a Content-Security-Policy, allow this import map: script-src '${importMapHash}' -->\n`
      : '';
    parts.push(`${hint}${importMap(chunkIntegrity)}`);
  }
  parts.push(
    [
      '<script',
      '  type="module"',
      `  src=${quoteAttribute(scriptUrl)}`,
      ...(integrity ? [`  integrity=${quoteAttribute(integrity)}`, '  crossorigin="anonymous"'] : []),
      '></script>',
    ].join('\n'),
  );
  parts.push(
    [
      '<messenger-optin',
      ...attributes.map(([name, value]) =>
        value === true ? `  ${name}` : `  ${name}=${quoteAttribute(value)}`,
      ),
      '></messenger-optin>',
    ].join('\n'),
  );
  return `${parts.join('\n\n')}\n`;
}

/**
 * The exact text inside the import map's script element, line breaks included: a CSP hash covers
 * these characters and no others.
 */
export function importMapText(chunkIntegrity) {
  const sorted = Object.fromEntries(Object.entries(chunkIntegrity).sort(([a], [b]) => (a < b ? -1 : 1)));
  // `<` escaped so no "</script" can end the element early, whatever the URLs hold.
  return `\n${JSON.stringify({ integrity: sorted }, null, 2).replaceAll('<', '\\u003c')}\n`;
}

function importMap(chunkIntegrity) {
  return `<script type="importmap">${importMapText(chunkIntegrity)}</script>`;
}

/**
 * An attribute value in quotes, escaped for HTML. JSON (full of `"`) reads best in single quotes, so
 * the quote that needs no escaping is chosen; `&` is always escaped so no entity is ever formed.
 */
export function quoteAttribute(value) {
  const escaped = String(value).replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  if (!escaped.includes('"')) return `"${escaped}"`;
  if (!escaped.includes("'")) return `'${escaped}'`;
  return `"${escaped.replaceAll('"', '&quot;')}"`;
}
