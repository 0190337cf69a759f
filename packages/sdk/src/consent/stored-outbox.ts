// The look for an outbox an earlier page load left (docs/consent-records.md), apart from the outbox
// itself: the widget asks it on every page load, before any interaction, and must not load the
// storage code or the reporter for that (docs/architecture.md#loading).

/** The outbox's localStorage key, IndexedDB database and BroadcastChannel name. */
export const NAME = 'messenger-optin-outbox';

/**
 * Whether an earlier page load left an outbox in this browser, found without creating anything:
 * the localStorage key is read, and IndexedDB's database list is asked (`databases()`) instead of
 * opening the database, which would create it (privacy by default: nothing is stored before the
 * visitor interacts). Where `databases()` is missing (older browsers) only localStorage answers.
 * Never rejects: storage that cannot be read holds nothing this page can send.
 */
export async function storedOutboxExists(
  storage: () => Storage = () => localStorage,
  factory: () => IDBFactory = () => indexedDB,
): Promise<boolean> {
  try {
    if (storage().getItem(NAME) !== null) return true;
  } catch {
    // no or blocked localStorage
  }
  try {
    // No `databases()` (older browsers): only localStorage answers.
    return !!(await factory().databases?.())?.some((database) => database.name === NAME);
  } catch {
    return false;
  }
}
