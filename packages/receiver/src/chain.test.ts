import { describe, expect, it } from 'vitest';
import {
  ChainVerifier,
  GENESIS_HASH,
  canonicalJson,
  entryHash,
  personalCommitment,
  sha256Hex,
} from './chain.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth, so key order never changes a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('leaves out undefined members and escapes what PostgreSQL text cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson('a\u0000b')).toBe('"a\\u0000b"');
  });
});

describe('ChainVerifier', () => {
  const chain = (length: number) => {
    const rows = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= length; seq++) {
      const payload = canonicalJson({ seq });
      const receivedAt = `2026-11-28T00:00:0${seq}.000Z`;
      const hash = entryHash(prev, payload, receivedAt);
      rows.push({ seq, entryId: `e${seq}`, payload, receivedAt, prevHash: prev, hash });
      prev = hash;
    }
    return rows;
  };
  const run = (
    rows: ReturnType<typeof chain>,
    head = { seq: rows.length, hash: rows.at(-1)?.hash ?? GENESIS_HASH },
  ) => {
    const verifier = new ChainVerifier();
    for (const row of rows) verifier.push(row);
    return verifier.finish(head)[0];
  };

  it('accepts an intact chain', () => {
    expect(run(chain(4))).toBeUndefined();
  });

  it('names the first changed record', () => {
    const rows = chain(4);
    rows[1] = { ...rows[1]!, payload: canonicalJson({ seq: 99 }) };
    expect(run(rows)).toMatchObject({ seq: 2, reason: expect.stringContaining('record changed') });
  });

  it('catches a changed receivedAt, a gap and a cut tail', () => {
    const shifted = chain(3);
    shifted[2] = { ...shifted[2]!, receivedAt: '2020-01-01T00:00:00.000Z' };
    expect(run(shifted)?.seq).toBe(3);
    const gap = chain(4);
    gap.splice(1, 1);
    expect(run(gap)).toMatchObject({ seq: 3, reason: expect.stringContaining('expected seq 2') });
    const full = chain(4);
    expect(run(full.slice(0, 3), { seq: 4, hash: full[3]!.hash })?.reason).toContain('entries removed');
  });

  it('names every break, not only the first, and each changed row once', () => {
    const rows = chain(6);
    rows[1] = { ...rows[1]!, payload: canonicalJson({ seq: 99 }) };
    rows[4] = { ...rows[4]!, payload: canonicalJson({ seq: 98 }) };
    const verifier = new ChainVerifier();
    for (const row of rows) verifier.push(row);
    expect(verifier.finish({ seq: 6, hash: rows[5]!.hash }).map((link) => link.seq)).toEqual([2, 5]);
    expect(verifier.brokenCount).toBe(2);
  });

  it('catches a record re-hashed without fixing the next link', () => {
    const rows = chain(3);
    const payload = canonicalJson({ seq: 42 });
    rows[0] = { ...rows[0]!, payload, hash: entryHash(GENESIS_HASH, payload, rows[0]!.receivedAt) };
    expect(run(rows)).toMatchObject({ seq: 2, reason: expect.stringContaining('prev_hash') });
  });
});

describe('personalCommitment', () => {
  it('depends on the salt and on each field', () => {
    const content = { message: 'Start News Firma K7Q2', ref: 'K7Q2' };
    const salt = 'a'.repeat(64);
    expect(personalCommitment(salt, content)).toBe(personalCommitment(salt, { ...content }));
    expect(personalCommitment('b'.repeat(64), content)).not.toBe(personalCommitment(salt, content));
    expect(personalCommitment(salt, { ...content, ref: 'K7Q3' })).not.toBe(personalCommitment(salt, content));
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
