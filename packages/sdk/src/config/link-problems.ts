import { channelMeta } from '../channels/index.js';
import type { ChannelConfig } from '../channels/index.js';
import { deepLink } from '../deep-link.js';
import { ConfigError, quote } from '../errors.js';
import { composeMessage } from '../message.js';

interface LinkInputs {
  company: string;
  channels: readonly ChannelConfig[];
  keyword: string;
  withdrawKeyword: string;
  reference: 'code' | 'none';
  purpose: string;
  referenceLength: number;
}

/**
 * Builds every link once with the message the widget will send (a reference code of the configured
 * length), so that a company name that leaves no bot payload, or a link over 2,000 characters, is a
 * config error at load time and not a dead button. Callers run it only when every field is valid.
 * Per channel, the problems of the first keyword that fails; `index` is its place in `channels`.
 */
export function linkProblems(config: LinkInputs): Array<{ index: number; problem: string }> {
  const problems: Array<{ index: number; problem: string }> = [];
  const ref = config.reference === 'code' ? 'X'.repeat(config.referenceLength) : undefined;
  config.channels.forEach((channel, index) => {
    for (const keyword of [config.keyword, config.withdrawKeyword]) {
      let sentences: string[];
      try {
        const { payload } = deepLink(
          channel,
          composeMessage({ keyword, purpose: config.purpose, company: config.company, ref }),
        );
        // The payload is cut at 64 characters (docs/channels.md) and the code comes last, so a long
        // company or keyword cuts it off: every visitor then sends the same payload and the bot
        // cannot tie a chat to its consent. Only the start message carries the code.
        sentences =
          ref && payload && keyword === config.keyword && !payload.endsWith(ref)
            ? [
                `the ${channelMeta[channel.type].name} payload is cut at 64 characters and would lose the reference code; shorten company or keyword`,
              ]
            : [];
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        sentences = error.issues.map((issue) => issue.message.replace(/^message: /, ''));
      }
      for (const sentence of sentences)
        problems.push({ index, problem: `with company ${quote(config.company)}: ${sentence}` });
      if (sentences.length) break;
    }
  });
  return problems;
}
