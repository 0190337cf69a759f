import { metaSignature, safeEqual } from './signatures.js';
import type { WebhookRequest } from './types.js';

/** WhatsApp and Messenger/Instagram: X-Hub-Signature-256 over the raw bytes (the legacy SHA-1 header is ignored). */
export const verifyHubSignature = (request: WebhookRequest, appSecret: string | undefined): boolean =>
  appSecret !== undefined &&
  safeEqual(request.headers.get('x-hub-signature-256') ?? undefined, metaSignature(appSecret, request.bytes));

/** Graph API throttling answers 400 with one of these codes; they count as 429 (list unverified). */
const THROTTLE_CODES = new Set([4, 17, 32, 613, 80007, 130429]);

export function graphErrorCode(body: Record<string, unknown> | undefined): number | undefined {
  const error = body?.['error'];
  const code =
    error !== null && typeof error === 'object' ? (error as Record<string, unknown>)['code'] : undefined;
  return typeof code === 'number' ? code : undefined;
}

export const isThrottle = (code: number | undefined): boolean =>
  code !== undefined && THROTTLE_CODES.has(code);
