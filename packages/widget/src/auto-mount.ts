/** `https://cdn.example/x@1/messenger-optin.js` → `messenger-optin.js` (a query stays on it). */
const fileName = (url: string): string => url.replace(/.*\//, '');

/**
 * Finds the `<script type="module">` that loaded `moduleUrl` and, if it has `data-company` or
 * `data-channels`, adds a `<messenger-optin layout="floating">` with the same attributes
 * (`data-privacy-policy` → `privacy-policy`, …) to the end of `<body>`. Returns the new element, or
 * null.
 *
 * Module scripts have no `document.currentScript`, so the tag is found by its `src`: by file name,
 * because after a redirect (an unversioned CDN address) `moduleUrl` is the URL the file came from,
 * not the tag's `src`. A configured tag that names another file gets one console error instead of
 * a silent nothing.
 */
export function mountFromScript(moduleUrl: string, doc: Document = document): HTMLElement | null {
  const configured = [
    ...doc.querySelectorAll<HTMLScriptElement>(
      'script[type=module][data-company],script[type=module][data-channels]',
    ),
  ];
  const mine = configured.filter((candidate) => fileName(candidate.src) === fileName(moduleUrl));
  if (configured.length && !mine.length)
    console.error(
      `<messenger-optin> nothing mounted: no <script data-company> has the file name of ${moduleUrl}`,
    );
  // Mounted once per script tag, even if the module is imported again under another specifier.
  const script = mine.find((candidate) => !candidate.hasAttribute('data-mounted'));
  if (!script) return null;
  const element = doc.createElement('messenger-optin');
  element.setAttribute('layout', 'floating');
  for (const { name, value } of script.attributes) {
    if (name.startsWith('data-')) element.setAttribute(name.slice(5), value);
  }
  script.setAttribute('data-mounted', '');
  // An `async` module script can run before <body> exists.
  if (doc.body) doc.body.append(element);
  else doc.addEventListener('DOMContentLoaded', () => doc.body.append(element), { once: true });
  return element;
}
