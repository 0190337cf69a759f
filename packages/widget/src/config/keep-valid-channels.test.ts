import { describe, expect, it } from 'vitest';
import { channelList, keepValidChannels } from './keep-valid-channels.js';
import type { ConfigProblem } from './types.js';

type Result = { ok: true; config: string[] } | { ok: false; problem: ConfigProblem };

/** A check that refuses channels named "bad" and a config without company, like the real ones do. */
function check(raw: Record<string, unknown>): Result {
  if (!raw['company'])
    return { ok: false, problem: { code: 'missing-attribute', path: 'company', message: 'company' } };
  const channels = raw['channels'] as string[];
  const index = channels.indexOf('bad');
  if (index >= 0)
    return {
      ok: false,
      problem: {
        code: 'invalid-config',
        path: `channels[${index}].id`,
        message: `channels[${index}].id is bad`,
      },
    };
  return { ok: true, config: channels };
}

describe('keepValidChannels', () => {
  it('keeps a valid config as it is', () => {
    const channels = ['a', 'b'];
    expect(keepValidChannels({ company: 'F', channels }, channels, check)).toEqual({
      ok: true,
      config: ['a', 'b'],
      kept: [0, 1],
      dropped: [],
    });
  });

  it('leaves out each broken channel and names it by the site owner’s index', () => {
    const channels = ['a', 'bad', 'c', 'bad'];
    const result = keepValidChannels({ company: 'F', channels }, channels, check, [0, 2, 3, 5]);
    expect(result).toEqual({
      ok: true,
      config: ['a', 'c'],
      kept: [0, 2],
      dropped: [
        { code: 'invalid-config', path: 'channels[2].id', message: 'channels[2].id is bad' },
        { code: 'invalid-config', path: 'channels[5].id', message: 'channels[5].id is bad' },
      ],
    });
  });

  it('fails as a whole when no channel is left or the problem is not a channel’s', () => {
    const onlyBad = ['bad', 'bad'];
    expect(keepValidChannels({ company: 'F', channels: onlyBad }, onlyBad, check)).toMatchObject({
      ok: false,
      problem: { path: 'channels[0].id' },
    });
    const one = ['bad'];
    expect(keepValidChannels({ company: 'F', channels: one }, one, check).ok).toBe(false);
    const good = ['a', 'bad'];
    expect(keepValidChannels({ channels: good }, good, check)).toMatchObject({
      ok: false,
      problem: { path: 'company' },
    });
  });
});

describe('channelList', () => {
  it('reads the attribute’s JSON or an array, and nothing else', () => {
    expect(channelList({ channels: '[{"type":"signal"}]' })).toEqual([{ type: 'signal' }]);
    expect(channelList({ channels: [1] })).toEqual([1]);
    expect(channelList({ channels: '[' })).toBeUndefined();
    expect(channelList({ channels: '{}' })).toBeUndefined();
  });
});
