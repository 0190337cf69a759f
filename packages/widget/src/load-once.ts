/**
 * Wraps a chunk's `import()` so that every caller shares one promise: a second `import()` of a
 * loaded module still resolves a task later, and a tap must not wait for that. A failed load is
 * forgotten, so the next call (the next tap) tries again instead of repeating the failure.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
