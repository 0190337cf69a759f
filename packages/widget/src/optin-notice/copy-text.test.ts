import { describe, expect, it } from 'vitest';
import { copyText } from './copy-text.js';

function fakeField(value: string) {
  const calls: string[] = [];
  const field = {
    value,
    focus: () => calls.push('focus'),
    select: () => calls.push('select'),
    setSelectionRange: (start: number, end: number) => calls.push(`range ${start}-${end}`),
  } as unknown as HTMLInputElement;
  return { field, calls };
}

describe('copyText', () => {
  it('writes the exact text to the clipboard', async () => {
    const written: string[] = [];
    const { field, calls } = fakeField('Start News Firma K7Q2');
    const result = await copyText('Start News Firma K7Q2', field, {
      writeText: async (text) => void written.push(text),
    });
    expect(result).toBe('copied');
    expect(written).toEqual(['Start News Firma K7Q2']);
    expect(calls).toEqual([]);
  });

  it('selects the text in the field when the clipboard refuses', async () => {
    const { field, calls } = fakeField('Start News Firma K7Q2');
    const result = await copyText('Start News Firma K7Q2', field, {
      writeText: () => Promise.reject(new Error('NotAllowedError')),
    });
    expect(result).toBe('selected');
    expect(calls).toEqual(['focus', 'select', 'range 0-21']);
  });

  it('selects the text when there is no clipboard at all (insecure context)', async () => {
    const { field, calls } = fakeField('Stop');
    expect(await copyText('Stop', field, undefined)).toBe('selected');
    expect(calls).toContain('select');
  });
});
