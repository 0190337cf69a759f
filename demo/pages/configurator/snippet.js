/**
 * The HTML a site owner pastes: the script tag (with its Subresource Integrity hash, so a changed
 * file on the CDN is refused by the browser) and the element. Pure string building.
 */
export function buildSnippet({ scriptUrl, integrity, attributes }) {
  const script = [
    '<script',
    '  type="module"',
    `  src=${quoteAttribute(scriptUrl)}`,
    ...(integrity ? [`  integrity=${quoteAttribute(integrity)}`, '  crossorigin="anonymous"'] : []),
    '></script>',
  ].join('\n');
  const element = [
    '<messenger-optin',
    ...attributes.map(([name, value]) =>
      value === true ? `  ${name}` : `  ${name}=${quoteAttribute(value)}`,
    ),
    '></messenger-optin>',
  ].join('\n');
  return `${script}\n\n${element}\n`;
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
