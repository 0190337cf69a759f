import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlStore } from '../../src/store/sql-store.js';
import { storeKinds } from '../stores.js';

describe.each(storeKinds)('inbound tables on $name', (kind) => {
  let store: SqlStore;
  beforeAll(async () => {
    if (!kind.skipReason) store = await kind.open();
  });
  afterAll(async () => store?.close());

  it.skipIf(kind.skipReason)('has every inbound table and the unique delivery key', async () => {
    const { rows } = await store.client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    const names = rows.map((row) => row.table_name);
    for (const table of [
      'inbound_messages',
      'inbound_persons',
      'inbound_texts',
      'subscribers',
      'subscriber_senders',
      'subscriptions',
      'rights_requests',
      'inbound_outbox',
    ])
      expect(names).toContain(table);
    const insert = `INSERT INTO inbound_messages (inbound_id, provider, provider_message_id, channel, sender_hashes,
      trigger, intent, outcome, received_at) VALUES (gen_random_uuid(), 'telegram', '1:42', 'telegram', '{}',
      'message', 'optin', 'confirmed', now())`;
    await store.client.query(insert);
    await expect(store.client.query(insert)).rejects.toThrow();
  });
});
