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
}

/**
 * Builds every link once with the longest message the widget will send (6-character reference
 * code), so that a company name that leaves no bot payload, or a link over 2,000 characters, is a
 * config error at load time and not a dead button. Callers run it only when every field is valid.
 * Per channel, the problems of the first keyword that fails; `index` is its place in `channels`.
 */
export function linkProblems(config: LinkInputs): Array<{ index: number; problem: string }> {
  const problems: Array<{ index: number; problem: string }> = [];
  const ref = config.reference === 'code' ? 'XXXXXX' : undefined;
  config.channels.forEach((channel, index) => {
    for (const keyword of [config.keyword, config.withdrawKeyword]) {
      try {
        deepLink(channel, composeMessage({ keyword, company: config.company, ref }));
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        for (const issue of error.issues)
          problems.push({
            index,
            problem: `with company ${quote(config.company)}: ${issue.message.replace(/^message: /, '')}`,
          });
        break;
      }
    }
  });
  return problems;
}
