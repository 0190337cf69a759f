import { isWebUrl, parseUrl } from '@messenger-optin/sdk';
import { type ReplyLocale, replyLocaleTags } from './reply-locales.js';
import { type CompiledKeywords, DEFAULT_KEYWORDS, compileKeywords } from './parse.js';

/**
 * Inbound configuration (docs/inbound.md#configuration): one table of variable names, read from the
 * environment and from CLI flags (the kebab-case of the name; the flag wins).
 */
export const inboundVariables = [
  'TELEGRAM_WEBHOOK_SECRET',
  'TELEGRAM_BOT_TOKEN',
  'WHATSAPP_APP_SECRET',
  'WHATSAPP_VERIFY_TOKEN',
  'WHATSAPP_ACCESS_TOKEN',
  'WHATSAPP_PHONE_NUMBER_ID',
  'META_APP_SECRET',
  'META_VERIFY_TOKEN',
  'META_PAGE_ACCESS_TOKEN',
  'VIBER_AUTH_TOKEN',
  'LINE_CHANNEL_SECRET',
  'LINE_CHANNEL_ACCESS_TOKEN',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_ACCOUNT_SID',
  'INBOUND_TOKEN',
  'RECEIVER_PUBLIC_URL',
  'RECEIVER_HASH_KEY',
  'TELEGRAM_API_BASE',
  'WHATSAPP_API_BASE',
  'META_API_BASE',
  'VIBER_API_BASE',
  'LINE_API_BASE',
  'TWILIO_API_BASE',
  'INBOUND_COMPANY',
  'INBOUND_LOCALE',
  'INBOUND_MATCH_WINDOW_DAYS',
  'INBOUND_OPTIN_KEYWORDS',
  'INBOUND_STOP_KEYWORDS',
  'INBOUND_ACCESS_KEYWORDS',
  'INBOUND_ERASURE_KEYWORDS',
] as const;

export type InboundVariable = (typeof inboundVariables)[number];
export type InboundSettings = Partial<Record<InboundVariable, string>>;

/** `TELEGRAM_BOT_TOKEN` → `telegram-bot-token`. */
export const flagName = (variable: InboundVariable): string => variable.toLowerCase().replaceAll('_', '-');

/** Environment first, then flags over it; empty strings count as unset. */
export function readSettings(
  env: Record<string, string | undefined>,
  flags: Record<string, unknown> = {},
): InboundSettings {
  const settings: InboundSettings = {};
  for (const variable of inboundVariables) {
    const flag = flags[flagName(variable)];
    const value = typeof flag === 'string' ? flag : env[variable];
    if (value !== undefined && value !== '') settings[variable] = value;
  }
  return settings;
}

export type { ReplyLocale };

export interface InboundConfig {
  settings: InboundSettings;
  /** HMAC key for sender ids and message ids (≥ 32 characters). */
  hashKey: string;
  /** Business name in replies; without it no replies are queued. */
  company: string | undefined;
  locale: ReplyLocale;
  matchWindowDays: number;
  keywords: CompiledKeywords;
}

/** A configuration the receiver refuses to start with; the message says what to change. */
export class InboundConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InboundConfigError';
  }
}

const list = (value: string | undefined, fallback: readonly string[]): string[] =>
  value === undefined
    ? [...fallback]
    : value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);

const HASH_KEY_MIN = 32;
/** As the admin and ingest tokens (src/app.ts MIN_TOKEN_BYTES): 32 bytes, guessing it is hopeless. */
const INBOUND_TOKEN_MIN_BYTES = 32;
const TELEGRAM_SECRET = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * Checks the settings and builds the config. `routeVariables` are the variables that turn a route
 * on (the providers' keys and INBOUND_TOKEN); returns undefined when none is set (inbound off).
 */
export function resolveInboundConfig(
  settings: InboundSettings,
  routeVariables: readonly InboundVariable[],
): { config: InboundConfig | undefined; warnings: string[] } {
  const configured = routeVariables.filter((variable) => settings[variable] !== undefined);
  if (configured.length === 0) return { config: undefined, warnings: [] };
  const hashKey = settings.RECEIVER_HASH_KEY;
  if (hashKey === undefined || hashKey.length < HASH_KEY_MIN)
    throw new InboundConfigError(
      `${configured.join(', ')} ${configured.length > 1 ? 'are' : 'is'} set, so RECEIVER_HASH_KEY must be set to at least ${HASH_KEY_MIN} characters (it keys the sender hashes in the chain; e.g. openssl rand -hex 32)${hashKey === undefined ? '' : `; it has ${hashKey.length}`}`,
    );
  const inboundToken = settings.INBOUND_TOKEN;
  if (inboundToken !== undefined) {
    // Bytes, not characters, as for the admin and ingest tokens: the bearer is compared as bytes.
    const bytes = new TextEncoder().encode(inboundToken).length;
    if (bytes < INBOUND_TOKEN_MIN_BYTES)
      throw new InboundConfigError(
        `INBOUND_TOKEN is shorter than ${INBOUND_TOKEN_MIN_BYTES} bytes (it has ${bytes}); it is the bearer token of POST /v1/inbound, make one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"`,
      );
  }
  if (settings.TWILIO_AUTH_TOKEN !== undefined && settings.RECEIVER_PUBLIC_URL === undefined)
    throw new InboundConfigError(
      'TWILIO_AUTH_TOKEN is set, so RECEIVER_PUBLIC_URL must be set too: Twilio signs the full public URL of the webhook (e.g. https://consent.firma.de)',
    );
  const publicUrl = parseUrl(settings.RECEIVER_PUBLIC_URL);
  if (settings.RECEIVER_PUBLIC_URL !== undefined && !(publicUrl && isWebUrl(publicUrl)))
    throw new InboundConfigError(
      `RECEIVER_PUBLIC_URL must be an http(s) URL such as https://consent.firma.de, got ${settings.RECEIVER_PUBLIC_URL}`,
    );
  if (
    settings.TELEGRAM_WEBHOOK_SECRET !== undefined &&
    !TELEGRAM_SECRET.test(settings.TELEGRAM_WEBHOOK_SECRET)
  )
    throw new InboundConfigError(
      'TELEGRAM_WEBHOOK_SECRET must be 1 to 256 of A-Z a-z 0-9 _ - (Telegram refuses other secret tokens)',
    );
  const locale = (settings.INBOUND_LOCALE ?? 'de') as ReplyLocale;
  if (!replyLocaleTags.includes(locale))
    throw new InboundConfigError(
      `INBOUND_LOCALE must be ${replyLocaleTags.join(' or ')}, got ${settings.INBOUND_LOCALE}`,
    );
  const days = Number(settings.INBOUND_MATCH_WINDOW_DAYS ?? '30');
  if (!Number.isInteger(days) || days < 1)
    throw new InboundConfigError(
      `INBOUND_MATCH_WINDOW_DAYS must be a whole number of days ≥ 1, got ${settings.INBOUND_MATCH_WINDOW_DAYS}`,
    );
  const warnings: string[] = [];
  if (settings.INBOUND_COMPANY === undefined)
    warnings.push('INBOUND_COMPANY is not set: inbound messages are recorded, but no replies are sent');
  return {
    config: {
      settings,
      hashKey,
      company: settings.INBOUND_COMPANY,
      locale,
      matchWindowDays: days,
      keywords: compileKeywords({
        optin: list(settings.INBOUND_OPTIN_KEYWORDS, DEFAULT_KEYWORDS.optin),
        stop: list(settings.INBOUND_STOP_KEYWORDS, DEFAULT_KEYWORDS.stop),
        access: list(settings.INBOUND_ACCESS_KEYWORDS, DEFAULT_KEYWORDS.access),
        erasure: list(settings.INBOUND_ERASURE_KEYWORDS, DEFAULT_KEYWORDS.erasure),
      }),
    },
    warnings,
  };
}
