import * as z from 'zod/mini';

/** Funnel steps in order (docs/console.md#funnel); each is a column of consent_states. */
export const funnelSteps = [
  'widget_shown',
  'notice_shown',
  'consent_given',
  'link_opened',
  'confirmed',
  'withdrawn',
] as const;
export type FunnelStep = (typeof funnelSteps)[number];

/** What a web consent is now; 'visitor' (no consent given yet) is not a subscriber. */
export const webStates = ['pending', 'confirmed', 'withdrawn'] as const;
export type WebState = (typeof webStates)[number];

/**
 * What a person who wrote without a web consent is now (docs/console.md#inbound-only-subscribers):
 * an opt-in nobody linked yet (unmatched, ambiguous), or one the person withdrew.
 */
export const inboundStates = ['unmatched', 'ambiguous', 'withdrawn'] as const;
export type InboundState = (typeof inboundStates)[number];

/** Every subscriber state the console counts and filters by. */
export const subscriberStates = ['pending', 'confirmed', 'withdrawn', 'unmatched', 'ambiguous'] as const;
export type SubscriberState = (typeof subscriberStates)[number];

const channelName = z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,31}$/));
const instant = z.iso.datetime({ offset: true });

/** A period and a channel, as the query strings of the stats and list routes carry them. */
export const periodQuerySchema = z.object({
  from: z.optional(instant),
  to: z.optional(instant),
  channel: z.optional(channelName),
  site: z.optional(z.string().check(z.maxLength(300))),
});

export interface Period {
  /** Inclusive; undefined = since the first entry. */
  from: Date | undefined;
  /** Exclusive; undefined = up to now. */
  to: Date | undefined;
  channel: string | undefined;
  site: string | undefined;
}

export interface Issue {
  path: string[];
  code: string;
  message: string;
}

export const issuesOf = (error: z.core.$ZodError): Issue[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String), code: issue.code, message: issue.message }));

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export function parsePeriod(query: Record<string, string | undefined>): Parsed<Period> {
  const result = z.safeParse(periodQuerySchema, query);
  if (!result.success) return { ok: false, issues: issuesOf(result.error) };
  const { from, to, channel, site } = result.data;
  const period = {
    from: from === undefined ? undefined : new Date(from),
    to: to === undefined ? undefined : new Date(to),
    channel,
    site,
  };
  if (period.from && period.to && period.from >= period.to)
    return { ok: false, issues: [{ path: ['to'], code: 'custom', message: 'must be after from' }] };
  return { ok: true, value: period };
}
