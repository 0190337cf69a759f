import { createHash, timingSafeEqual } from 'node:crypto';

export type BearerCheck = 'ok' | 'missing' | 'wrong';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Compares the bearer token in constant time. Both sides are hashed first, so neither the
 * content nor the length of the expected token leaks through timing.
 */
export function checkBearer(authorization: string | undefined, expected: string | undefined): BearerCheck {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return 'missing';
  if (!expected) return 'wrong';
  return timingSafeEqual(digest(match[1]), digest(expected)) ? 'ok' : 'wrong';
}
