import { randomUUID } from 'node:crypto';
import { createReceiver } from '../../src/app.js';
import { type InboundSettings, resolveInboundConfig } from '../../src/inbound/config.js';
import { inboundProviders } from '../../src/inbound/providers.js';
import {
  lineSignature,
  metaSignature,
  twilioSignature,
  viberSignature,
} from '../../src/inbound/signatures.js';
import { InboundStats } from '../../src/inbound/stats.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import { NOTICE_SHA, NOTICE_TEXT, SITE, makeEvent, post } from '../events.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789-abcdefghij';
export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
export const HASH_KEY = 'test-hash-key-0123456789abcdef-0123';
export const PUBLIC_URL = 'https://consent.firma.de';

/** Every provider configured, replies on (INBOUND_COMPANY set). */
export const SETTINGS: InboundSettings = {
  TELEGRAM_WEBHOOK_SECRET: 'tg-secret_123',
  TELEGRAM_BOT_TOKEN: '123456:bot-token',
  WHATSAPP_APP_SECRET: 'wa-app-secret',
  WHATSAPP_VERIFY_TOKEN: 'wa-verify-token',
  WHATSAPP_ACCESS_TOKEN: 'wa-access-token',
  WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
  META_APP_SECRET: 'meta-app-secret',
  META_VERIFY_TOKEN: 'meta-verify-token',
  META_PAGE_ACCESS_TOKEN: 'meta-page-token',
  VIBER_AUTH_TOKEN: 'viber-auth-token',
  LINE_CHANNEL_SECRET: 'line-channel-secret',
  LINE_CHANNEL_ACCESS_TOKEN: 'line-access-token',
  TWILIO_AUTH_TOKEN: 'twilio-auth-token',
  TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
  INBOUND_TOKEN: 'inbound-bridge-token-0123456789abcdef',
  RECEIVER_PUBLIC_URL: PUBLIC_URL,
  RECEIVER_HASH_KEY: HASH_KEY,
  INBOUND_COMPANY: 'Firma',
};

export const routeVariables = [
  ...inboundProviders.map((provider) => provider.keyVariable),
  'INBOUND_TOKEN' as const,
];

/** The fixtures' provider time (2025-12-04T12:00:00Z) plus a few seconds. */
export const T0 = new Date('2025-12-04T12:00:05.000Z');

export class Clock {
  constructor(public current = new Date(T0)) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface Harness {
  store: SqlStore;
  app: ReturnType<typeof createReceiver>;
  clock: Clock;
  stats: InboundStats;
  logs: Array<Record<string, unknown>>;
}

export function makeHarness(store: SqlStore, settings: InboundSettings = SETTINGS): Harness {
  const clock = new Clock();
  const stats = new InboundStats();
  const logs: Array<Record<string, unknown>> = [];
  const { config } = resolveInboundConfig(settings, routeVariables);
  const app = createReceiver({
    store,
    allowedOrigins: [SITE],
    adminToken: ADMIN_TOKEN,
    rateLimit: false,
    now: clock.now,
    logger: (entry) => logs.push({ ...entry }),
    inbound: { config, stats },
  });
  return { store, app, clock, stats, logs };
}

/** Posts a web consent (notice shown + consent given) and returns its consentId. */
export async function giveConsent(
  harness: Harness,
  options: { channel: string; ref?: string; message?: string; site?: string; locale?: string } = {
    channel: 'telegram',
  },
): Promise<string> {
  const consentId = randomUUID();
  const ref = options.ref ?? 'K7Q2X9';
  const site = options.site ?? SITE;
  const notice = {
    id: `${options.channel}.de.v1`,
    locale: options.locale ?? 'de',
    version: 'v1',
    sha256: NOTICE_SHA,
  };
  const common = {
    consentId,
    channel: options.channel,
    ref,
    message: options.message ?? `Start News Firma ${ref}`,
    page: { origin: site, path: '/newsletter' },
  };
  const events = [
    makeEvent({ ...common, type: 'notice_shown', notice: { ...notice, text: NOTICE_TEXT } }),
    makeEvent({ ...common, type: 'consent_given', notice }),
  ];
  const response = await harness.app.request('/v1/events', post(events, { origin: site }));
  if (response.status !== 200)
    throw new Error(`web events refused: ${response.status} ${await response.text()}`);
  return consentId;
}

/** A webhook request signed as the provider signs it. */
export function signed(
  provider: string,
  body: string,
  settings: InboundSettings = SETTINGS,
  path?: string,
): RequestInit {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  switch (provider) {
    case 'telegram':
      headers['x-telegram-bot-api-secret-token'] = settings.TELEGRAM_WEBHOOK_SECRET ?? '';
      break;
    case 'whatsapp':
      headers['x-hub-signature-256'] = metaSignature(settings.WHATSAPP_APP_SECRET ?? '', body);
      break;
    case 'meta':
      headers['x-hub-signature-256'] = metaSignature(settings.META_APP_SECRET ?? '', body);
      break;
    case 'viber':
      headers['x-viber-content-signature'] = viberSignature(settings.VIBER_AUTH_TOKEN ?? '', body);
      break;
    case 'line':
      headers['x-line-signature'] = lineSignature(settings.LINE_CHANNEL_SECRET ?? '', body);
      break;
    case 'twilio':
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['x-twilio-signature'] = twilioSignature(
        settings.TWILIO_AUTH_TOKEN ?? '',
        `${settings.RECEIVER_PUBLIC_URL ?? ''}${path ?? '/v1/inbound/twilio'}`,
        [...new URLSearchParams(body).entries()],
      );
      break;
    case 'generic':
      headers['authorization'] = `Bearer ${settings.INBOUND_TOKEN ?? ''}`;
      break;
    default:
      throw new Error(`no signer for ${provider}`);
  }
  return { method: 'POST', headers, body };
}

export const routeOf = (provider: string): string =>
  provider === 'generic' ? '/v1/inbound' : `/v1/inbound/${provider}`;

export async function count(store: SqlStore, table: string, where = 'true'): Promise<number> {
  const { rows } = await store.client.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM ${table} WHERE ${where}`,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function entryTypes(store: SqlStore): Promise<string[]> {
  const { rows } = await store.client.query<{ type: string }>(
    `SELECT type FROM entries WHERE kind = 'inbound' ORDER BY received_at, site, seq`,
  );
  return rows.map((row) => row.type);
}
