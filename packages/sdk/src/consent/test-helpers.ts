// Shared fixtures for the consent unit tests (not shipped: only *.test.ts import it).
import type { RecordInput, Entry } from './types.js';
import type { ConsentEvent } from '../schema/consent-event.js';

export const input = (
  type: RecordInput['type'] = 'notice_shown',
  extra: Partial<RecordInput> = {},
): RecordInput => ({
  consentId: '7b0a8a5e-8f1e-4c39-9d7c-3f1f6a0c2b11',
  type,
  channel: 'whatsapp',
  page: { origin: 'https://shop.example', path: '/news' },
  ...extra,
});

let counter = 0;
export function entry(at: number, size = 100, extra: Partial<Entry> = {}): Entry {
  const id = `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
  const event = { eventId: id, type: 'notice_shown' } as ConsentEvent;
  return { id, event, tries: 0, at, size, ...extra };
}

/** A Storage in memory whose setItem can be made to throw like a full quota. */
export function fakeStorage(
  options: { full?: boolean } = {},
): Storage & { data: Map<string, string>; calls: string[] } {
  const data = new Map<string, string>();
  const calls: string[] = [];
  return {
    data,
    calls,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (index) => [...data.keys()][index] ?? null,
    getItem: (key) => (calls.push(`get ${key}`), data.get(key) ?? null),
    setItem: (key, value) => {
      calls.push(`set ${key}`);
      if (options.full) throw new DOMException('quota', 'QuotaExceededError');
      data.set(key, value);
    },
    removeItem: (key) => (calls.push(`remove ${key}`), void data.delete(key)),
  };
}
