import { channels } from '../channels/index.js';
import type { ChannelConfig } from '../channels/index.js';
import type { AnyChannel, FieldParser } from '../channels/types.js';
import type { Found } from './check-values.js';
import { isObject, report, reportUnknown, textProblems } from './check-values.js';
import { channelProviderProblems } from './notice-options.js';
import { maxLength } from './rules.js';
import { unknownChannel, wrongType } from './sentences.js';

/**
 * One entry of `channels`: an object whose `type` names a registered channel, with that channel's
 * fields (checked by the parsers `deepLink` uses), an optional `label` and nothing else. Returns the
 * channel as the config keeps it (valid only if nothing was added to `found`).
 */
export function checkChannel(
  value: unknown,
  path: PropertyKey[],
  found: Found,
  registry: readonly AnyChannel[] = channels,
): ChannelConfig {
  if (!isObject(value)) {
    report(found, path, [wrongType('object', value)]);
    return value as never;
  }
  const type = value['type'];
  const entry = registry.find((candidate) => candidate.type === type);
  const fields: Readonly<Record<string, FieldParser>> | undefined = entry?.fields;
  if (!fields) {
    report(
      found,
      [...path, 'type'],
      [
        unknownChannel(
          type,
          registry.map((channel) => channel.type),
        ),
      ],
    );
    return value as never;
  }
  const channel: Record<string, unknown> = { type };
  for (const [key, parse] of Object.entries(fields)) {
    const field = value[key];
    report(
      found,
      [...path, key],
      textProblems(field, {
        check: (text) => {
          const result = parse(text);
          return result.ok ? undefined : result.problem;
        },
      }),
    );
    if (field !== undefined || key in value) channel[key] = field;
  }
  // SMS and e-mail name the business's provider in the notice (docs/notices.md, "Processors").
  const withProvider = entry?.ownProvider === true;
  if (withProvider) {
    for (const problem of channelProviderProblems(value['provider'], [...path, 'provider']))
      found.push(problem);
    channel['provider'] = value['provider'];
  }
  if ('label' in value) {
    const label = value['label'];
    if (label !== undefined) {
      report(found, [...path, 'label'], textProblems(label, { min: 1, max: maxLength.label }));
    }
    channel['label'] = label;
  }
  reportUnknown(found, path, value, {
    ...fields,
    type: 0,
    label: 0,
    ...(withProvider ? { provider: 0 } : {}),
  });
  return channel as unknown as ChannelConfig;
}
