import {
  configProblem,
  emptyCompany,
  endpointProblem,
  privacyPolicyProblem,
  requiredHints,
  tooShort,
  unknownChannel,
  wrongType,
  channelCount,
} from '@messenger-optin/sdk';
import type { PreCheckProblem, PreCheckReason } from './types.js';

/**
 * The site owner's line for a problem the pre-check found, in the SDK's words: the same line
 * `checkWidgetConfig` writes for the same mistake (docs/architecture.md#config-rules). Part of the
 * flow chunk: only a broken config needs it.
 */
export function describePreCheck({ path, reason }: PreCheckProblem): string {
  return configProblem(path, sentence(reason));
}

function sentence(reason: PreCheckReason): string {
  switch (reason.kind) {
    case 'required':
      return `is required; ${requiredHints[reason.key]}`;
    case 'empty':
      return emptyCompany;
    case 'type':
      return wrongType(reason.expected, reason.value);
    case 'json':
      return `is not valid JSON (${reason.error}); ${requiredHints.channels}`;
    case 'no-channel':
      return tooShort(channelCount.min, 'array');
    case 'channel':
      return unknownChannel(reason.type, reason.known);
    case 'url':
      // The SDK's sentence for the value as written; without a page to resolve against, a path is
      // no full URL either.
      return (
        (reason.key === 'endpoint' && endpointProblem(reason.text)) || privacyPolicyProblem(reason.text)!
      );
  }
}
