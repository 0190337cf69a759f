/**
 * The receiver's admin API as the consent log uses it. The token lives only in this object (memory),
 * never in storage or the URL. `fetch` is injectable for tests.
 */
export class AdminApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = 'AdminApiError';
    this.status = status;
  }
}

export function createAdminApi({
  token,
  baseUrl = location.origin,
  fetch = globalThis.fetch.bind(globalThis),
}) {
  async function send(path, init = {}) {
    const response = await fetch(new URL(path, baseUrl), {
      ...init,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...init.headers },
      cache: 'no-store',
    });
    if (response.status === 401 || response.status === 403) {
      throw new AdminApiError('The receiver refused the admin token.', response.status);
    }
    if (!response.ok)
      throw new AdminApiError(`The receiver answered HTTP ${response.status}.`, response.status);
    return response;
  }
  const get = (path) => send(path);

  return {
    /** Every stored entry (events, confirmations, erasures) in chain order. */
    async exportEntries() {
      const response = await get('/v1/export?format=json');
      return parseEntries(await response.text());
    },
    /** Consent summaries whose message carried this reference code. */
    async findByRef(ref) {
      // A code is unique only within one site and channel, so the receiver looks it up in that scope:
      // the demo shop is this origin, and its channels are the four of the shop pages.
      const site = encodeURIComponent(location.origin);
      const found = await Promise.all(
        ['whatsapp', 'telegram', 'threema', 'signal'].map(async (channel) => {
          const path = `/v1/consents?ref=${encodeURIComponent(ref)}&site=${site}&channel=${channel}`;
          const body = await (await get(path)).json();
          return Array.isArray(body) ? body : (body.consents ?? []);
        }),
      );
      return found.flat();
    },
    /** The proof bundle of one consent: events, archived notice texts, chain check. */
    async proof(consentId) {
      return (await get(`/v1/consents/${encodeURIComponent(consentId)}`)).json();
    },
    /**
     * Subscribers as the receiver keeps them: one row per person and channel, with its state. The
     * address is asked for only to tell whether it is still kept; the page never shows it.
     */
    async subscribers() {
      const body = await (await get('/v1/subscribers?limit=100&include=address')).json();
      return Array.isArray(body.items) ? body.items : [];
    },
    /** Erases a subscriber's personal data (addresses, texts); the chain keeps only keyed hashes. */
    async eraseSubscriber(subscriberId) {
      const response = await send(`/v1/subscribers/${encodeURIComponent(subscriberId)}`, {
        method: 'DELETE',
      });
      return response.json();
    },
  };
}

/** Export bodies come as a JSON array, `{ entries: [...] }`, or one JSON object per line. */
export function parseEntries(text) {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('[')) return JSON.parse(trimmed);
  if (trimmed.startsWith('{') && !trimmed.includes('\n')) {
    const body = JSON.parse(trimmed);
    return Array.isArray(body.entries) ? body.entries : [body];
  }
  return trimmed
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}
