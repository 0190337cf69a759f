/** The kinds of reply the receiver sends (docs/inbound.md#replies-and-the-outbox). */
export type ReplyKind = 'confirmation' | 'confirm_request' | 'withdrawal' | 'access_ack' | 'erasure_ack';

/**
 * One locale's texts of the receiver: the replies in the chat and the e-mail confirmation page.
 * One file under `inbound/locales/`, registered by one line in `inbound/reply-locales.ts`
 * (docs/architecture.md#adding-a-locale). Placeholders: `{company}`, `{purpose}`, `{channel}`,
 * `{link}`; values are inserted as they are and never scanned again.
 */
export interface ReplyTexts {
  /** Stands in for `{purpose}` when the consent names none. */
  purpose: string;
  replies: Record<ReplyKind, string>;
  /** Appended to confirm_request when there is a confirmation link (e-mail). */
  linkSentence: string;
  /** The page behind the e-mail confirmation link. */
  confirmPage: {
    title: string;
    question: string;
    button: string;
    done: string;
    already: string;
    used: string;
    expired: string;
    withdrawn: string;
    unknown: string;
  };
}
