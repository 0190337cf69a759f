import * as z from 'zod/mini';

/**
 * Consent event schema v1 (docs/consent-records.md). The SDK records these, the receiver validates
 * them with this same schema. Objects are strict: an unknown field is more likely a bug (or
 * personal data creeping in) than a feature.
 */

export const CONSENT_EVENT_SCHEMA = 'messenger-optin/consent-event@1';

export const consentEventTypes = [
  'widget_shown',
  'notice_shown',
  'notice_dismissed',
  'consent_given',
  'link_opened',
  'withdrawal_requested',
] as const;

export const consentActions = ['button', 'checkbox+button', 'keyboard'] as const;

/** Channel types as plain strings: events from newer widgets with more channels stay storable. */
const channelName = z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,31}$/));

export const noticeRefSchema = z.strictObject({
  /** channel + locale + template version, e.g. "whatsapp.de.v1" */
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  locale: z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)),
  version: z.string().check(z.minLength(1), z.maxLength(40)),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** The full rendered text; carried by `notice_shown` so the receiver can archive it. */
  // 30,000 UTF-16 units: the longest notice our templates render at every config cap is 17,621
  // (notice-size.ts), which leaves room for site-owner overrides.
  text: z.optional(z.string().check(z.maxLength(30_000))),
});

/** Where a piece of evidence sits in an event. */
export type EvidencePath = readonly ['notice'] | readonly ['notice', 'text'] | readonly ['action'];

/**
 * The evidence each event type must carry, and why (docs/consent-records.md#evidence-each-type-needs).
 * An event without it proves nothing, so it is refused rather than stored as if it did. One table:
 * the zod schema below checks it, the published JSON Schema states it (`if`/`then`, written by
 * scripts/write-json-schemas.mjs from this table), and the receiver validates with the schema.
 */
export const evidenceRules: {
  readonly [Type in ConsentEventType]?: readonly { path: EvidencePath; why: string }[];
} = {
  notice_shown: [{ path: ['notice', 'text'], why: 'the receiver archives the text the visitor saw' }],
  consent_given: [
    { path: ['notice'], why: 'it names the notice the visitor confirmed' },
    { path: ['action'], why: 'how the visitor agreed (button, checkbox+button, keyboard)' },
  ],
  withdrawal_requested: [{ path: ['notice'], why: 'it names the notice the visitor confirmed' }],
};

const eventShape = z.strictObject({
  schema: z.literal(CONSENT_EVENT_SCHEMA),
  eventId: z.uuid(),
  consentId: z.uuid(),
  type: z.enum(consentEventTypes),
  channel: channelName,
  ref: z.optional(z.string().check(z.regex(/^[0-9A-Z]{4,8}$/))),
  message: z.optional(z.string().check(z.maxLength(1_000))),
  occurredAt: z.iso.datetime({ offset: false }),
  sentAt: z.optional(z.iso.datetime({ offset: false })),
  attempt: z.optional(z.int().check(z.minimum(1), z.maximum(10_000))),
  notice: z.optional(noticeRefSchema),
  action: z.optional(z.enum(consentActions)),
  page: z.strictObject({
    // A serialized origin (lower-case scheme://host[:port]), or "null" for opaque ones: never a
    // path, a user or free text, since it names the site's hash chain.
    origin: z
      .string()
      .check(
        z.maxLength(300),
        z.regex(
          /^(?:null|[a-z][a-z0-9+.-]*:\/\/[a-z0-9.:[\]-]+)$/,
          'must be an origin such as https://shop.example (scheme and host, no path)',
        ),
      ),
    // No query string, no fragment: they can hold personal data (an e-mail address in ?email=).
    path: z
      .string()
      .check(
        z.maxLength(2_000),
        z.regex(
          /^[^?#]*$/,
          'must be the path only, without query string or fragment (they can hold personal data)',
        ),
      ),
  }),
  widget: z.strictObject({ version: z.string().check(z.maxLength(40)) }),
  purpose: z.optional(z.string().check(z.maxLength(200))),
});

/** Reads `path` from an event: `undefined` where a step is missing. */
function evidenceAt(event: object, path: EvidencePath): unknown {
  let value: unknown = event;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

export const consentEventSchema = eventShape.check(
  z.check((ctx) => {
    for (const { path, why } of evidenceRules[ctx.value.type] ?? [])
      if (evidenceAt(ctx.value, path) === undefined)
        ctx.issues.push({
          code: 'custom',
          path: [...path],
          message: `is required for ${ctx.value.type}: ${why}`,
          input: ctx.value,
        });
  }),
);

export const consentEventBatchSchema = z.array(consentEventSchema);

export type ConsentEventType = (typeof consentEventTypes)[number];
export type ConsentAction = (typeof consentActions)[number];
export type NoticeRef = z.infer<typeof noticeRefSchema>;
export type ConsentEvent = z.infer<typeof consentEventSchema>;
