import { type ConsentEvent, consentEventBatchSchema, consentEventSchema } from '@messenger-optin/sdk/schema';
import * as z from 'zod/mini';
import { sha256Hex } from './chain.js';
import type { NewEvent } from './store/types.js';

/** A validation finding, shaped like a zod issue so clients can show either the same way. */
export interface Issue {
  path: Array<string | number>;
  code: string;
  message: string;
}

export interface Rejected {
  index: number;
  issues: Issue[];
}

export type ParsedBatch =
  | { ok: true; events: NewEvent[]; rejected: Rejected[] }
  | {
      ok: false;
      error: 'not_an_array' | 'no_valid_events' | 'too_many_events';
      issues: Issue[];
      rejected: Rejected[];
    };

/**
 * Most events in one request: the SDK sends at most 50 (its batch size). A larger array is refused
 * unread, so a flood of tiny items cannot make a huge answer (docs/receiver-security.md).
 */
export const MAX_BATCH_EVENTS = 50;
/** Issues reported per refused item, and in all for a refused request: the answer stays small. */
export const MAX_ISSUES_PER_ITEM = 10;
export const MAX_ISSUES = 50;

export interface ParseContext {
  /** Server time: authoritative, also used to measure the client's clock skew. */
  receivedAt: Date;
  /**
   * The request's Origin header, when there is one. An event whose page.origin differs is
   * rejected: otherwise one site could write into another site's chain.
   */
  origin?: string | undefined;
  /**
   * The sites this receiver keeps chains for (the origin allowlist), unless it takes every origin.
   * An event for another site is rejected whoever sends it, with or without an Origin header.
   */
  sites?: readonly string[] | undefined;
}

const toIssue = (issue: z.core.$ZodIssue): Issue => ({
  path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
  code: issue.code,
  message: issue.message,
});

// PostgreSQL text cannot hold U+0000, and a lone surrogate would come back from the database as
// U+FFFD and break its record's commitment; both are refused up front instead. Every string that
// reaches the chain goes through this check (events here, confirmations in routes/admin.ts).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function unstorableStrings(value: unknown, path: Array<string | number>, issues: Issue[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      issues.push({ path, code: 'custom', message: 'contains U+0000, which cannot be stored' });
    else if (LONE_SURROGATE.test(value))
      issues.push({ path, code: 'custom', message: 'is not well-formed Unicode' });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) unstorableStrings(item, [...path, key], issues);
  }
}

/**
 * Checks beyond the schema that need the store: strings PostgreSQL can store, the notice text
 * against its hash, no visitor data in the archive.
 */
function semanticIssues(event: ConsentEvent): Issue[] {
  const issues: Issue[] = [];
  const notice = event.notice;
  // The evidence each type needs is the schema's (evidenceRules, docs/consent-records.md).
  unstorableStrings(event, [], issues);
  if (notice?.text !== undefined && sha256Hex(notice.text) !== notice.sha256) {
    issues.push({
      path: ['notice', 'sha256'],
      code: 'custom',
      message:
        'does not match the sha256 of notice.text (UTF-8, hex); the text is not archived under a wrong hash',
    });
  }
  // The archive keeps one text per notice version and nothing of the visitor: the message and its
  // code travel beside the text, under the salted commitment, where erasure can reach them
  // (docs/notices.md, "What is hashed and archived").
  if (notice?.text !== undefined && carriesVisitorData(notice.text, event)) {
    issues.push({
      path: ['notice', 'text'],
      code: 'custom',
      message:
        "contains the visitor's message or reference code; send the template with {message} and {ref} in their place (the archive must hold nothing erasure cannot remove)",
    });
  }
  return issues;
}

/** Whether an archived text holds this event's message, or its code as a word of its own. */
function carriesVisitorData(text: string, event: ConsentEvent): boolean {
  // A message without a reference code (a withdrawal's `Stop News Firma`, or `reference="none"`) is
  // the same for every visitor of that config: it tells nothing about one of them.
  if (event.ref && event.message && text.includes(event.message)) return true;
  return event.ref !== undefined && new RegExp(`(^|[^0-9A-Za-z])${event.ref}($|[^0-9A-Za-z])`).test(text);
}

/** Checks that depend on the request rather than the event: who may write into which chain. */
function requestIssues(event: ConsentEvent, context: ParseContext): Issue[] {
  const at = (message: string): Issue => ({ path: ['page', 'origin'], code: 'custom', message });
  if (context.origin !== undefined && event.page.origin !== context.origin)
    return [at('differs from the Origin header of the request')];
  if (context.sites !== undefined && !context.sites.includes(event.page.origin))
    return [at(`is not an allowed origin of this receiver (${context.sites.join(', ') || 'none'})`)];
  return [];
}

const capped = (issues: Issue[], most: number): Issue[] => issues.slice(0, most);

/** The stored form: personal content (message, ref) and the notice text go elsewhere. */
export function toNewEvent(event: ConsentEvent, receivedAt: Date): NewEvent {
  const { message, ref, notice, ...rest } = event;
  const record: Record<string, unknown> = { ...rest };
  if (notice) {
    const { text: _text, ...noticeRef } = notice;
    record['notice'] = noticeRef;
  }
  if (event.sentAt !== undefined) {
    // The client's clock error at send time: occurredAt + clockSkewMs is the server-time estimate.
    record['clockSkewMs'] = receivedAt.getTime() - Date.parse(event.sentAt);
  }
  const personal: NonNullable<NewEvent['personal']> = {};
  if (message !== undefined) personal.message = message;
  if (ref !== undefined) personal.ref = ref;
  return {
    // uuid columns answer in lower case; compare ids in that form.
    eventId: event.eventId.toLowerCase(),
    consentId: event.consentId.toLowerCase(),
    site: event.page.origin,
    type: event.type,
    record,
    personal: Object.keys(personal).length > 0 ? personal : undefined,
    ...(notice?.text !== undefined
      ? {
          notice: {
            sha256: notice.sha256,
            id: notice.id,
            locale: notice.locale,
            version: notice.version,
            text: notice.text,
          },
        }
      : {}),
  };
}

/**
 * Validates a parsed request body item by item: one bad item must not cost the good ones (the SDK
 * drops a whole batch on a 4xx), so valid items go on and invalid ones are listed by index.
 */
export function parseBatch(body: unknown, context: ParseContext): ParsedBatch {
  if (!Array.isArray(body)) {
    const result = z.safeParse(consentEventBatchSchema, body);
    const issues = result.success ? [] : capped(result.error.issues.map(toIssue), MAX_ISSUES);
    return { ok: false, error: 'not_an_array', issues, rejected: [] };
  }
  if (body.length > MAX_BATCH_EVENTS) {
    const message = `the batch has ${body.length} events; send at most ${MAX_BATCH_EVENTS} per request`;
    return {
      ok: false,
      error: 'too_many_events',
      issues: [{ path: [], code: 'too_big', message }],
      rejected: [],
    };
  }
  const events: NewEvent[] = [];
  const rejected: Rejected[] = [];
  body.forEach((item: unknown, index) => {
    const result = z.safeParse(consentEventSchema, item);
    if (!result.success) {
      rejected.push({ index, issues: capped(result.error.issues.map(toIssue), MAX_ISSUES_PER_ITEM) });
      return;
    }
    const issues = [...semanticIssues(result.data), ...requestIssues(result.data, context)];
    if (issues.length > 0) rejected.push({ index, issues: capped(issues, MAX_ISSUES_PER_ITEM) });
    else events.push(toNewEvent(result.data, context.receivedAt));
  });
  if (events.length === 0) {
    const issues =
      body.length === 0
        ? [{ path: [], code: 'too_small', message: 'the batch is empty; send at least one event' }]
        : capped(
            rejected.flatMap((item) =>
              item.issues.map((issue) => ({ ...issue, path: [item.index, ...issue.path] })),
            ),
            MAX_ISSUES,
          );
    return { ok: false, error: 'no_valid_events', issues, rejected };
  }
  return { ok: true, events, rejected };
}
