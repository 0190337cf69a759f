// What tabs of one origin tell each other while they share the outbox
// (docs/consent-records.md#delivery-contract-of-createconsentreporter, "Tabs"): which events one of
// them is sending, which left the outbox, a server's Retry-After, and that a tab left with events
// pending. The send lock (tabs.ts) keeps two tabs from sending at once; this only saves work.
import { NAME } from './outbox.js';

/** How long another tab's "in flight" notice keeps us from sending those events ourselves. */
const REMOTE_TTL = 30_000;

/** One message on the BroadcastChannel. */
export interface TabMessage {
  /** ids now in flight from the sender */
  sending?: string[];
  /** ids whose attempt ended; with `done`, they also left the outbox */
  ended?: string[];
  done?: boolean;
  /** the server asked everyone to wait until then (Retry-After) */
  gate?: number;
  /** a tab left with events pending: someone should send them */
  pending?: true;
}

export interface TabSync {
  /** Tells the other tabs; nothing after `close()`. */
  tell(message: TabMessage): void;
  /** Another tab is sending this event now. */
  busy(id: string): boolean;
  close(): void;
}

/**
 * Opens the channel (where there is BroadcastChannel); the reporter does so once the outbox is in
 * storage, as there is nothing to share before. The handlers are arguments, not an object's
 * methods: property names stay in the bundle.
 */
export function tabSync(
  now: () => number,
  /** Another tab delivered these (or they were refused): they left the outbox. */
  left: (ids: string[]) => void,
  gate: (until: number) => void,
  /** Another tab left with events pending. */
  pending: () => void,
): TabSync {
  /** In flight from another tab, until. */
  const remote = new Map<string, number>();
  let channel: BroadcastChannel | undefined = globalThis.BroadcastChannel && new BroadcastChannel(NAME);
  if (channel)
    channel.onmessage = ({ data }: MessageEvent<TabMessage>) => {
      data.sending?.forEach((id) => remote.set(id, now() + REMOTE_TTL));
      data.ended?.forEach((id) => remote.delete(id));
      if (data.done && data.ended) left(data.ended);
      if (data.gate) gate(data.gate);
      if (data.pending) pending();
    };
  return {
    // postMessage throws once the channel is closed: close() forgets it.
    tell: (message) => channel?.postMessage(message),
    busy: (id) => (remote.get(id) ?? 0) > now(),
    close() {
      channel?.close();
      channel = undefined;
    },
  };
}
