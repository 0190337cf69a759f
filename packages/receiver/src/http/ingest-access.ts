import { checkBearer } from './auth.js';
import { type AllowedOrigins, isOriginAllowed } from './cors.js';

export interface IngestAccessOptions {
  allowedOrigins: AllowedOrigins;
  /** The credential of senders that are not browsers (no Origin header), if any. */
  ingestToken: string | undefined;
}

export type IngestAccess =
  | {
      ok: true;
      /** The Origin header; every event's page.origin must equal it. */
      origin: string | undefined;
      /** The sites events may be stored for; undefined: any (no allowlist, or `*`). */
      sites: readonly string[] | undefined;
    }
  | { ok: false; status: 401 | 403; error: string; message: string };

/**
 * Who may write consent events, and for which sites (docs/receiver-security.md#origins):
 * - a browser (Origin header) whose origin is in the allowlist, for its own origin only;
 * - a sender without Origin (a server, a queue worker) only with the ingest token when one is set,
 *   and never without one once there is an allowlist: else anyone with curl could write a consent
 *   into any site's chain. With an allowlist, page.origin must be in it whoever sends.
 * Without an allowlist and without an ingest token the receiver is open to senders without Origin
 * (the local demo and tests); `start` says so in its log.
 */
export function ingestAccess(
  origin: string | undefined,
  authorization: string | undefined,
  { allowedOrigins, ingestToken }: IngestAccessOptions,
): IngestAccess {
  const sites = allowedOrigins === '*' || allowedOrigins.length === 0 ? undefined : allowedOrigins;
  if (origin !== undefined) {
    if (!isOriginAllowed(origin, allowedOrigins))
      return {
        ok: false,
        status: 403,
        error: 'origin_not_allowed',
        message: `origin ${origin} is not in the allowlist`,
      };
    return { ok: true, origin, sites };
  }
  if (ingestToken !== undefined) {
    const check = checkBearer(authorization, ingestToken);
    if (check === 'ok') return { ok: true, origin: undefined, sites };
    return {
      ok: false,
      status: check === 'missing' ? 401 : 403,
      error: 'ingest_token_required',
      message:
        check === 'missing'
          ? 'requests without an Origin header must send Authorization: Bearer <ingest token>'
          : 'wrong ingest token',
    };
  }
  if (sites !== undefined || allowedOrigins === '*')
    return {
      ok: false,
      status: 401,
      error: 'ingest_token_required',
      message:
        'requests without an Origin header need the ingest token, and this receiver has none: start it with RECEIVER_INGEST_TOKEN',
    };
  return { ok: true, origin: undefined, sites };
}
