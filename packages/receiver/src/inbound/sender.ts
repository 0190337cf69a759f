import { hmacSha256Hex } from './signatures.js';

/**
 * Sender identity (docs/inbound.md#matching-and-the-chain). The key is `<channel>:<id>`; its hash, keyed with
 * RECEIVER_HASH_KEY, is what the chain holds, so later messages link to the consent while the
 * address itself stays in an erasable table.
 */
export const senderKey = (channel: string, id: string): string => `${channel}:${id}`;

export const senderHash = (hashKey: string, key: string): string => hmacSha256Hex(hashKey, key);

/** Keyed hash of any value that may embed personal data (message texts, provider message ids). */
export const keyedHash = (hashKey: string, value: string): string => hmacSha256Hex(hashKey, value);
