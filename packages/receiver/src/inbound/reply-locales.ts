import type { NoticeLocale } from '@messenger-optin/sdk';
import { de } from './locales/de.js';
import { en } from './locales/en.js';
import type { ReplyTexts } from './locales/types.js';

/**
 * The receiver's texts per locale. Typed by the SDK's notice locales: a locale the SDK registers
 * needs its file here too, and the compiler says so (docs/architecture.md#adding-a-locale).
 */
export const replyLocales = { de, en } satisfies Record<NoticeLocale, ReplyTexts>;

/** A locale the receiver replies in: 'de' | 'en'. */
export type ReplyLocale = keyof typeof replyLocales;

/** The reply locales, for INBOUND_LOCALE's check. */
export const replyLocaleTags = Object.keys(replyLocales) as ReplyLocale[];
