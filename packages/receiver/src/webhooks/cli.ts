import * as z from 'zod/mini';
import type { SqlQueryable } from '../store/sql-client.js';
import { deliverDue } from './deliver.js';
import { addEndpoint, deleteEndpoint, listEndpoints } from './endpoints.js';
import { type WebhookEventType, webhookEventTypes } from './events.js';
import { newEndpointSchema } from '../routes/webhooks.js';

export const WEBHOOKS_USAGE = `  webhooks add <url> [--event <type>]… [--include-address]
                           register a CRM endpoint (prints its id and whsec_ secret once);
                           events: ${webhookEventTypes.join(', ')} (default all)
  webhooks list            the endpoints and their state
  webhooks remove <id>     delete an endpoint and its queued messages
  webhooks deliver         send what is due once (for serverless setups without the start worker)
`;

/** `messenger-optin-receiver webhooks …`; returns the exit code. */
export async function webhooksCommand(
  db: SqlQueryable,
  args: string[],
  flags: { event?: string[] | undefined; 'include-address'?: boolean | undefined },
  out: (text: string) => void,
): Promise<number> {
  const [action, target] = args;
  if (action === 'add') {
    const input = z.safeParse(newEndpointSchema, {
      url: target,
      ...(flags.event ? { events: flags.event } : {}),
      ...(flags['include-address'] ? { includeAddress: true } : {}),
    });
    if (!input.success) {
      out(
        `webhooks add: ${input.error.issues.map((issue) => `${issue.path.join('.') || 'url'} ${issue.message}`).join('; ')}\n`,
      );
      return 2;
    }
    const endpoint = await addEndpoint(
      db,
      {
        url: input.data.url,
        events: (input.data.events ?? [...webhookEventTypes]) as WebhookEventType[],
        includeAddress: input.data.includeAddress ?? false,
      },
      new Date(),
    );
    out(`${JSON.stringify(endpoint, null, 2)}\nKeep the secret: it is shown only now.\n`);
    return 0;
  }
  if (action === 'list') {
    out(`${JSON.stringify(await listEndpoints(db), null, 2)}\n`);
    return 0;
  }
  if (action === 'remove' && target) {
    const removed = await deleteEndpoint(db, target).catch(() => false);
    out(removed ? `removed ${target}\n` : `no endpoint ${target}\n`);
    return removed ? 0 : 1;
  }
  if (action === 'deliver') {
    out(`${JSON.stringify(await deliverDue({ db }))}\n`);
    return 0;
  }
  out(`usage:\n${WEBHOOKS_USAGE}`);
  return 2;
}
