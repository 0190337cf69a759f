import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import { channels } from '../../src/channels/index.js';
import type { ChannelConfig } from '../../src/channels/index.js';
import type { ConfigOf } from '../../src/channels/types.js';
import { checkChannel } from '../../src/config/check-channel.js';
import { formatPath } from '../../src/config/sentences.js';
import { issueAt } from '../../src/errors.js';
import type { Found } from '../../src/config/check-values.js';
import { linkIn } from '../../src/deep-link.js';
import { channelConfigSchemaOf } from '../../src/schema/channels.js';
import { explainIssue, formatIssues } from '../../src/schema/issues.js';
import { fax } from './fax.js';
import type { FaxConfig } from './fax.js';

// The one line a new channel adds to `src/channels/index.ts`, here kept in the test.
const registry = [...channels, fax] as const;

/** As `parseWidgetConfig` parses: with the sentences the zod-free check uses. */
const zodParse = (schema: z.ZodMiniType, input: unknown) =>
  z.safeParse(schema, input, { error: explainIssue, reportInput: true });

function zodFree(value: unknown) {
  const found: Found = [];
  checkChannel(value, [], found, registry);
  return found.map(({ path, message }) => issueAt(formatPath(path), message));
}

describe('an eleventh channel, added in one file', () => {
  it('gets its link from deepLink', () => {
    expect(() => linkIn(registry, { type: 'fax', phone: '030 1234567' }, 'x', {})).toThrow(/country code/);
    expect(linkIn(registry, { type: 'fax', phone: '+49 30 1234567' }, 'Start News & Co', {})).toEqual({
      href: 'fax:+49301234567?note=Start%20News%20%26%20Co',
      prefill: 'text',
      message: 'Start News & Co',
    });
  });

  it('is validated by the zod schema built from the registry, with the link builder’s parser', () => {
    const schema = channelConfigSchemaOf(registry);
    expect(z.safeParse(schema, { type: 'fax', phone: '+49 30 1234567', label: 'Fax us' }).success).toBe(true);
    const wrong = zodParse(schema, { type: 'fax', phone: '030 1234567' });
    expect(formatIssues(wrong.error!.issues).map((issue) => issue.path)).toEqual(['phone']);
    const unknown = zodParse(schema, { type: 'telex' });
    expect(formatIssues(unknown.error!.issues)[0]?.message).toMatch(
      /"telex" is not a known channel; use one of .*, fax$/,
    );
  });

  it('is checked by the zod-free check with the same sentences', () => {
    expect(zodFree({ type: 'fax', phone: '+49 30 1234567' })).toEqual([]);
    const schema = channelConfigSchemaOf(registry);
    for (const input of [
      { type: 'fax', phone: '030 1234567' },
      { type: 'fax' },
      { type: 'fax', phone: '+49 30 1', x: 1 },
    ]) {
      const zod = zodParse(schema, input);
      expect(
        zodFree(input)
          .map((issue) => issue.message)
          .sort(),
      ).toEqual(
        formatIssues(zod.error!.issues)
          .map((issue) => issue.message)
          .sort(),
      );
    }
  });

  it('appears in the JSON Schema of a channel config', () => {
    const json = z.toJSONSchema(channelConfigSchemaOf(registry), {
      io: 'input',
      unrepresentable: 'any',
    }) as unknown as {
      oneOf?: { properties: { type: { const: string } } }[];
      anyOf?: { properties: { type: { const: string } } }[];
    };
    const types = (json.oneOf ?? json.anyOf ?? []).map((entry) => entry.properties.type.const);
    expect(types).toEqual([...channels.map((channel) => channel.type), 'fax']);
  });

  it('leaves the shipped registry as it is', () => {
    expect(channels.map((channel) => channel.type)).not.toContain('fax');
    expect(zodFree({ type: 'fax', phone: '+49 30 1234567' })).toEqual([]);
    const found: Found = [];
    checkChannel({ type: 'fax', phone: '+49 30 1234567' }, [], found);
    expect(found).toHaveLength(1);
  });
});

it('derives the config type of the new channel from the array', () => {
  type Config = ConfigOf<(typeof registry)[number]>;
  expectTypeOf<Extract<Config, { type: 'fax' }>>().toEqualTypeOf<FaxConfig>();
  expectTypeOf<Exclude<Config, FaxConfig>>().toEqualTypeOf<ChannelConfig>();
});
