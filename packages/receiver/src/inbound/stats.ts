/**
 * Counters of GET /v1/inbound/stats (docs/inbound.md#admin). Per process, since start: a scaled-out
 * receiver reports each process's own counts.
 */
export type RequestResult = 'accepted' | 'duplicate' | 'ignored' | 'unauthorized' | 'not_configured';
export type OutboxResult = 'sent' | 'retry' | 'failed' | 'dropped';

type Counter = Map<string, number>;

const bump = (counter: Counter, labels: Record<string, string>) => {
  const key = JSON.stringify(labels);
  counter.set(key, (counter.get(key) ?? 0) + 1);
};

const rows = (counter: Counter) =>
  [...counter].map(([key, count]) => ({ ...(JSON.parse(key) as Record<string, string>), count }));

export class InboundStats {
  private readonly requests: Counter = new Map();
  private readonly outcomes: Counter = new Map();
  private readonly ignored: Counter = new Map();
  private readonly outbox: Counter = new Map();

  request(provider: string, result: RequestResult): void {
    bump(this.requests, { provider, result });
  }
  outcome(channel: string, outcome: string): void {
    bump(this.outcomes, { channel, outcome });
  }
  ignore(provider: string, reason: string): void {
    bump(this.ignored, { provider, reason });
  }
  sent(provider: string, result: OutboxResult): void {
    bump(this.outbox, { provider, result });
  }

  count(kind: 'requests' | 'outcomes' | 'ignored' | 'outbox', labels: Record<string, string>): number {
    return this[kind].get(JSON.stringify(labels)) ?? 0;
  }

  snapshot() {
    return {
      requests: rows(this.requests),
      outcomes: rows(this.outcomes),
      ignored: rows(this.ignored),
      outbox: rows(this.outbox),
    };
  }
}
