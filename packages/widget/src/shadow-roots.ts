/**
 * The shadow roots that hold `node`, innermost first: its own root, then the root its host is in,
 * and so on out to the document. A host page may put the widget inside its own components. Some
 * events stay inside the shadow tree they happen in (`scroll` is not composed), and a closed root
 * hides its inside from the `composedPath()` seen outside it: only listeners on these roots see both.
 */
export function shadowRootsAround(node: Node): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode())
    roots.push(root);
  return roots;
}
