import type { Context, Next } from 'hono';
import { checkBearer } from '../http/auth.js';
import type { SqlClient } from '../store/sql-client.js';
import type { Store } from '../store/types.js';

/**
 * The admin token check of the console's routes, with the same answers as the admin API: 401 with
 * a WWW-Authenticate challenge without a token, 403 with a wrong one (or when no token is set).
 */
export function requireAdmin(adminToken: string | undefined) {
  return async (c: Context, next: Next) => {
    const check = checkBearer(c.req.header('authorization'), adminToken);
    if (check === 'ok') return next();
    if (check === 'missing') {
      c.header('WWW-Authenticate', 'Bearer realm="messenger-optin-receiver"');
      return c.json({ error: 'unauthorized', message: 'send Authorization: Bearer <admin token>' }, 401);
    }
    const message = adminToken
      ? 'wrong admin token'
      : 'the admin API is off: start the receiver with an admin token';
    return c.json({ error: 'forbidden', message }, 403);
  };
}

/** The console reads SQL directly (aggregates, keyset pages); every store the package opens has it. */
export function consoleDb(store: Store): SqlClient | undefined {
  const client = (store as { client?: SqlClient }).client;
  return client && typeof client.query === 'function' && typeof client.transaction === 'function'
    ? client
    : undefined;
}
