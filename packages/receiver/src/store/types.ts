import type { KeyObject } from 'node:crypto';
import type { BrokenLink } from '../chain.js';
import type { SigningKey } from '../signing.js';
import type { SignedHead } from './signed-heads.js';

/** What the app needs from a database. One SQL implementation serves PGlite and PostgreSQL. */
export interface Store {
  /** Stores new events (one transaction); events whose eventId is already stored count as duplicates. */
  appendEvents(events: readonly NewEvent[], receivedAt: Date): Promise<AppendResult>;
  /** Records an inbound opt-in message reported by the messaging system (double opt-in hand-off). */
  confirm(input: NewConfirmation, receivedAt: Date): Promise<ConfirmResult>;
  /** Erases personal content (message, ref) of a consent and appends an erasure record. */
  erase(consentId: string, erasedAt: Date): Promise<EraseResult>;
  /** The proof bundle of one consent, or undefined when nothing is stored for it. */
  getConsent(consentId: string): Promise<ProofBundle | undefined>;
  /** The consents whose start message carried `ref`, within one site and channel. */
  findConsentsByRef(ref: string, scope: RefScope): Promise<RefLookup>;
  /** Every entry in site and chain order, read page by page. */
  exportEntries(): AsyncIterable<EntryView>;
  /** Recomputes every site's chain and checks the archive (docs/receiver-security.md#verify). */
  verify(options?: { publicKey?: KeyObject | undefined }): Promise<VerifyReport>;
  /** Signs the head of each site that moved since this key last signed it. */
  signHeads(key: SigningKey, at: Date): Promise<SignedHead[]>;
  /** Every signed head, for export to a third party. */
  signedHeads(): Promise<SignedHead[]>;
  /** Throws when the database does not answer. */
  health(): Promise<void>;
  close(): Promise<void>;
}

/** A validated event split into what is chained and what can be erased. */
export interface NewEvent {
  eventId: string;
  consentId: string;
  site: string;
  type: string;
  /** The stored record without personal content and without the notice text. */
  record: Record<string, unknown>;
  personal: { message?: string; ref?: string } | undefined;
  /** A notice text to archive, already checked against its sha256. */
  notice?: { sha256: string; id: string; locale: string; version: string; text: string };
}

export interface AppendResult {
  accepted: number;
  duplicates: number;
}

export interface NewConfirmation {
  confirmationId: string;
  consentId: string;
  channel?: string;
  message: string;
  /** When the messaging system received the message, as it reports it. */
  messageReceivedAt?: string;
}

export type ConfirmResult =
  | { status: 'stored' | 'duplicate'; confirmationId: string; refMatches: boolean }
  | { status: 'not_found' | 'erased' | 'id_taken' };

export type EraseResult =
  | { status: 'erased'; erasedEntries: number; erasedAt: string; alreadyErased: boolean }
  | { status: 'not_found' };

/** One chain entry as the admin API and the export show it. */
export interface EntryView {
  site: string;
  seq: number;
  entryId: string;
  kind: 'event' | 'confirmation' | 'erasure' | 'inbound';
  /** Null for inbound entries about no single consent (docs/inbound.md). */
  consentId: string | null;
  type: string;
  receivedAt: string;
  /** The stored record with its personal content put back (unless erased). */
  record: Record<string, unknown>;
  /** True when personal content was erased. */
  redacted: boolean;
  prevHash: string;
  hash: string;
}

export interface ArchivedNotice {
  sha256: string;
  id: string;
  locale: string;
  version: string;
  text: string;
  firstSeenAt: string;
}

export interface ProofBundle {
  consentId: string;
  sites: string[];
  events: EntryView[];
  confirmations: EntryView[];
  /**
   * What the messengers said about this consent: the messages that confirmed or withdrew it and
   * the confirmed / withdrawn entries (docs/inbound.md).
   */
  inbound: EntryView[];
  erasure: { erasedAt: string; entryId: string } | null;
  notices: ArchivedNotice[];
  chain: { ok: boolean; checked: number; broken: BrokenLink[] };
}

/** Where a reference code is looked up: codes are unique only per site and channel. */
export interface RefScope {
  /** The site (page origin), e.g. https://shop.example. */
  site: string;
  channel: string;
}

/** A reference-code lookup: more than one pending consent with the code is `ambiguous`. */
export interface RefLookup {
  ambiguous: boolean;
  consents: ConsentSummary[];
}

export interface ConsentSummary {
  consentId: string;
  site: string;
  channel: string | null;
  types: string[];
  firstReceivedAt: string;
  lastReceivedAt: string;
  confirmed: boolean;
  /** Pending, and another pending consent in the same scope has the same code: the admin decides. */
  ambiguous: boolean;
}

export interface SiteReport {
  site: string;
  entries: number;
  ok: boolean;
  firstBroken?: BrokenLink;
  /** Every break found, in chain order (the first 100). */
  broken?: BrokenLink[];
  /** How many breaks in all. */
  brokenCount?: number;
}

export interface VerifyReport {
  ok: boolean;
  sites: SiteReport[];
  /** Archived notice texts checked against their sha256. */
  notices: { checked: number; ok: boolean; broken: Array<{ sha256: string; reason: string }> };
  /** Signed heads checked against the chain (and their signatures when a public key was given). */
  signedHeads: {
    checked: number;
    signaturesChecked: boolean;
    ok: boolean;
    broken: Array<{ site: string; seq: number; keyId: string; reason: string }>;
  };
}
