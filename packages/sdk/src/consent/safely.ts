/** Runs a host page's callback; a throwing one must not stop delivery. */
export function safely(work: () => unknown): void {
  try {
    work();
  } catch {
    // the host page's problem, not the outbox's
  }
}
