/**
 * Finds the `<script>` that loaded `moduleUrl` (module scripts have no `document.currentScript`,
 * so it is matched by its resolved `src`) and, if it has `data-company` or `data-channels`, adds a
 * `<messenger-optin layout="floating">` with the same attributes (`data-privacy-policy` →
 * `privacy-policy`, …) to the end of `<body>`. Returns the new element, or null.
 */
export function mountFromScript(moduleUrl: string, doc: Document = document): HTMLElement | null {
  const script = [...doc.querySelectorAll<HTMLScriptElement>('script[src]')].find(
    (candidate) => candidate.src === moduleUrl,
  );
  if (!script || !(script.hasAttribute('data-company') || script.hasAttribute('data-channels'))) return null;
  // Mounted once per script tag, even if the module is imported again under another specifier.
  if (script.hasAttribute('data-mounted')) return null;
  script.setAttribute('data-mounted', '');
  const element = doc.createElement('messenger-optin');
  element.setAttribute('layout', 'floating');
  for (const { name, value } of script.attributes) {
    if (name.startsWith('data-') && name !== 'data-mounted') element.setAttribute(name.slice(5), value);
  }
  // An `async` module script can run before <body> exists.
  if (doc.body) doc.body.append(element);
  else doc.addEventListener('DOMContentLoaded', () => doc.body.append(element), { once: true });
  return element;
}
