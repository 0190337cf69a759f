import type { ConfigProblem } from './types.js';

/** A check's problem: the full validation's carries its sentence, the pre-check's its reason. */
type Problem = { path?: string; message?: string };
type Checked<T, P> = { ok: true; config: T } | { ok: false; problem: P };

export type ChannelsChecked<T, P extends Problem = ConfigProblem> =
  | {
      ok: true;
      config: T;
      /** Positions in `channels` of those that passed, in order. */
      kept: number[];
      /** One problem per channel left out, its path and message naming the site owner's index. */
      dropped: P[];
    }
  | { ok: false; problem: P };

const channelIndex = (path: string | undefined): number | undefined => {
  const match = /^channels\[(\d+)\]/.exec(path ?? '');
  return match ? Number(match[1]) : undefined;
};

/**
 * Runs `check` on the config; if it fails only because of some channels, runs it again without
 * them. One broken channel (a company name too long for Telegram's 64-character bot payload, a
 * mistyped phone number) must not hide the channels that work; it is reported instead. Nothing is
 * left out when no channel passes, or when the config also fails for a reason that is not a
 * channel's: then the whole config fails as before.
 *
 * Each channel is checked alone (with the rest of the config) to find the broken ones, so the
 * problem of each names its own index; `check` is pure, and at most eleven calls happen, only for a
 * config that failed.
 */
export function keepValidChannels<T, P extends Problem>(
  raw: Record<string, unknown>,
  channels: readonly unknown[],
  check: (raw: Record<string, unknown>) => Checked<T, P>,
  /** The site owner's index of each entry of `channels`, if an earlier check left some out. */
  origin: readonly number[] = channels.map((_, index) => index),
): ChannelsChecked<T, P> {
  const whole = check(raw);
  if (whole.ok) return { ...whole, kept: channels.map((_, index) => index), dropped: [] };
  if (channelIndex(whole.problem.path) === undefined || channels.length < 2) return whole;
  const kept: number[] = [];
  const dropped: P[] = [];
  channels.forEach((channel, index) => {
    const alone = check({ ...raw, channels: [channel] });
    if (alone.ok) kept.push(index);
    else if (channelIndex(alone.problem.path) === 0)
      dropped.push(renumber(alone.problem, origin[index] ?? index));
    // A problem that is not about this channel alone: keep it, the check of the rest decides.
    else kept.push(index);
  });
  if (!kept.length || !dropped.length) return whole;
  const rest = check({ ...raw, channels: kept.map((index) => channels[index]) });
  return rest.ok ? { ok: true, config: rest.config, kept, dropped } : whole;
}

/** `channels[0]` of a check of one channel alone is `channels[index]` in the site owner's list. */
function renumber<P extends Problem>(problem: P, index: number): P {
  const fix = (text: string) => text.replaceAll('channels[0]', `channels[${index}]`);
  return {
    ...problem,
    ...(problem.message === undefined ? {} : { message: fix(problem.message) }),
    ...(problem.path ? { path: fix(problem.path) } : {}),
  };
}

/** The channel list of a merged raw config (the attribute is JSON text), or undefined if it is none. */
export function channelList(raw: Record<string, unknown>): unknown[] | undefined {
  let channels = raw['channels'];
  if (typeof channels === 'string') {
    try {
      channels = JSON.parse(channels);
    } catch {
      return undefined;
    }
  }
  return Array.isArray(channels) ? channels : undefined;
}
