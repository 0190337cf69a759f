/** The parts of navigator.clipboard we use; injected so tests can refuse or accept. */
export interface ClipboardLike {
  writeText(text: string): Promise<void>;
}

/**
 * Copies `text` with the async Clipboard API; when that is missing or refused (insecure context,
 * permission policy, an iframe without clipboard-write), selects the text in `field` so the visitor
 * can copy it themselves. Returns what happened, so the dialog can announce it.
 */
export async function copyText(
  text: string,
  field: HTMLInputElement | HTMLTextAreaElement | null,
  clipboard: ClipboardLike | undefined = globalThis.navigator?.clipboard,
): Promise<'copied' | 'selected'> {
  if (clipboard) {
    try {
      await clipboard.writeText(text);
      return 'copied';
    } catch {
      // Fall through to the selection: a refused clipboard must still leave a way to copy.
    }
  }
  if (field) {
    field.focus();
    field.select();
    field.setSelectionRange(0, field.value.length);
  }
  return 'selected';
}
