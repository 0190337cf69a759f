/**
 * Small readers for provider JSON: a payload is untrusted even when signed (providers add fields
 * and change shapes), so every access checks the type and yields undefined otherwise.
 */
export type Json = Record<string, unknown>;

export const obj = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;

export const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A string, or a number written as digits (ids some providers send either way). */
export const id = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== ''
    ? value
    : typeof value === 'number' && Number.isSafeInteger(value)
      ? String(value)
      : undefined;

export const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value)
    ? value
    : typeof value === 'string' && /^\d+$/.test(value)
      ? Number(value)
      : undefined;

/** JSON.parse that answers undefined for anything that is not a JSON object. */
export function parseObject(text: string): Json | undefined {
  try {
    return obj(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** Seconds or milliseconds since the epoch as a Date, when it is one. */
export function epoch(value: unknown, unit: 'seconds' | 'milliseconds'): Date | undefined {
  const number = num(value);
  if (number === undefined) return undefined;
  const date = new Date(unit === 'seconds' ? number * 1000 : number);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
