import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver } from '../src/app.js';
import { startServer, type RunningServer } from '../src/server.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { SITE, makeEvent, post } from './events.js';
import { storeKinds } from './stores.js';

describe('graceful shutdown', () => {
  let server: RunningServer | undefined;
  let store: SqlStore;
  // Opening PGlite takes seconds on a busy machine: a hook, so it does not eat the test's time.
  beforeAll(async () => {
    store = await storeKinds[0]!.open();
  });
  afterEach(async () => {
    await server?.close();
  });

  it('finishes an in-flight request, refuses new connections, then closes the database', async () => {
    // Hold the append until the test has asked the server to close.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let appendStarted!: () => void;
    const started = new Promise<void>((resolve) => (appendStarted = resolve));
    const append = store.appendEvents.bind(store);
    store.appendEvents = async (events, receivedAt) => {
      appendStarted();
      await held;
      return append(events, receivedAt);
    };
    let closed = false;
    const closeStore = store.close.bind(store);
    store.close = async () => {
      closed = true;
      await closeStore();
    };

    const app = createReceiver({ store, allowedOrigins: [SITE], logger: false });
    server = await startServer({ app, store, port: 0 });
    const url = `${server.url}/v1/events`;
    const event = makeEvent();
    const inFlight = fetch(url, post([event], { origin: SITE }));
    await started;

    const closing = server.close();
    await expect(fetch(url, post([makeEvent()], { origin: SITE }))).rejects.toThrow();
    expect(closed).toBe(false);

    release();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    await closing;
    expect(closed).toBe(true);
    server = undefined;
  }, 60_000);
});
