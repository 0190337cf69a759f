import type { InboundSettings } from './config.js';

/** Why a well-signed request stored nothing (docs/inbound.md#routes-and-answers). */
export type IgnoredReason =
  | 'unparseable'
  | 'unsupported_event'
  | 'status_update'
  | 'echo'
  | 'group_chat'
  | 'other_account'
  | 'no_intent';

/** What made the message: a typed text, Telegram START, a postback tap, an opened chat, a provider signal. */
export type Trigger = 'message' | 'start' | 'postback' | 'opened' | 'signal';

export type InboundContent =
  /** Something the person typed; parsed for keywords and the reference code. */
  | { kind: 'text'; text: string }
  /** A bot payload (Messenger/Instagram ref, Viber context); `opened` never confirms on its own. */
  | { kind: 'payload'; payload: string; trigger: 'postback' | 'opened' }
  /** The provider's own unsubscribe or block signal (docs/inbound.md#withdrawal-rights-requests-erasure). */
  | { kind: 'signal'; signal: string };

export interface InboundSender {
  /** `<channel>:<id>`, e.g. `telegram:111111111`, `whatsapp:4917012345678`, `whatsapp:bsuid:DE.1…`. */
  key: string;
  /** Where replies go (chat id, wa_id, PSID, phone number), when this id can be written to. */
  address?: string;
}

/** One message or signal in the common shape every provider module parses into. */
export interface InboundEvent {
  provider: string;
  channel: string;
  /** The provider's message id: the dedupe key (providers retry and may deliver twice). */
  messageId: string;
  /** Telegram's update_id. */
  updateId?: string;
  /** The first is the primary identity; WhatsApp adds the BSUID as a second. */
  senders: InboundSender[];
  /** When the provider says the person sent it. */
  providerTime?: Date;
  content: InboundContent;
  /** Needed to answer: LINE reply token, Twilio To, WhatsApp phone_number_id. No personal data. */
  replyContext?: Record<string, string>;
}

export interface ParsedRequest {
  events: InboundEvent[];
  ignored: IgnoredReason[];
}

/** The request as a provider module sees it: the raw bytes first, and what was signed with them. */
export interface WebhookRequest {
  bytes: Uint8Array;
  /** The bytes as UTF-8 (invalid sequences replaced); only for parsing after verification. */
  text: string;
  headers: Headers;
  /** The public URL of this request (RECEIVER_PUBLIC_URL + path + query) where one is configured. */
  publicUrl: string | undefined;
}

/** The outcome of one reply attempt (docs/inbound.md#replies-and-the-outbox). */
export type SendResult =
  | { status: 'sent' }
  | { status: 'retry'; error: string; retryAfterMs?: number }
  | { status: 'failed'; error: string }
  | { status: 'dropped'; error: string };

export interface SendJob {
  /** The outbox row id; LINE push uses it as the idempotency key. */
  id: string;
  address: string | undefined;
  text: string;
  context: Record<string, string>;
  attempts: number;
  settings: InboundSettings;
  apiBase: string;
  company: string;
  fetch: typeof fetch;
  now: Date;
}

export interface ProviderReplies {
  /** The variables that must all be set (with INBOUND_COMPANY) for replies to be queued. */
  variables: ReadonlyArray<keyof InboundSettings>;
  apiBaseVariable: keyof InboundSettings;
  defaultApiBase: string;
  /** Free-form messages are refused this long after the person's last message; none when unset. */
  windowHours?: number;
  send(job: SendJob): Promise<SendResult>;
}

/**
 * One webhook provider. A new provider is one module exporting this plus one line in
 * providers.ts (docs/inbound.md#adding-a-provider).
 */
export interface InboundProvider {
  name: string;
  /** Route path, e.g. `/v1/inbound/telegram`. */
  path: string;
  /** The variable whose presence turns the route on; it also holds (or names) the authenticity key. */
  keyVariable: keyof InboundSettings;
  /** Checks the authenticity proof over the raw bytes in constant time. */
  verify(request: WebhookRequest, settings: InboundSettings): boolean;
  parse(request: WebhookRequest, settings: InboundSettings): ParsedRequest;
  /** Meta's GET subscription handshake: the variable holding the expected hub.verify_token. */
  handshakeVariable?: keyof InboundSettings;
  /** The body of every 200 (Twilio wants TwiML); JSON `{"ok":true}` when unset. */
  okResponse?: () => Response;
  replies?: ProviderReplies;
}
