import * as z from 'zod/mini';
import { channels } from '../channels/index.js';
import type { ChannelConfig } from '../channels/index.js';
import type { AnyChannel, ChannelProvider, FieldParser } from '../channels/types.js';
import { channelProviderProblems } from '../config/notice-options.js';
import { maxLength } from '../config/rules.js';
import { unknownChannel } from '../config/sentences.js';

/**
 * A config string checked by the same parser `deepLink` uses, so a config that validates builds a
 * link, and both report the same sentence. The value stays as written (no transform), which keeps
 * the schema representable as JSON Schema; `deepLink` normalizes it.
 */
function field(parse: FieldParser) {
  return z.string().check(
    z.check<string>((ctx) => {
      const result = parse(ctx.value);
      if (!result.ok) ctx.issues.push({ code: 'custom', message: result.problem, input: ctx.value });
    }),
  );
}

/** The business's SMS or e-mail provider, checked by the function `checkWidgetConfig` uses. */
const provider = z.custom<ChannelProvider>().check(
  z.check((ctx) => {
    for (const { path, message } of channelProviderProblems(ctx.value))
      ctx.issues.push({ code: 'custom', message, path: path as (string | number)[], input: ctx.value });
  }),
);

/** Button text instead of the channel name. */
const label = z.optional(z.string().check(z.minLength(1), z.maxLength(maxLength.label)));

/**
 * One channel's schema: its `type`, each of its fields through the field's parser, the business's
 * own `provider` where the channel has one (SMS, e-mail), and `label`.
 */
function channelSchema(channel: AnyChannel) {
  const fields: Record<string, ReturnType<typeof field>> = {};
  for (const [key, parse] of Object.entries<FieldParser>(channel.fields)) fields[key] = field(parse);
  const own = channel.ownProvider ? { provider } : {};
  return z.strictObject({ type: z.literal(channel.type), ...fields, ...own, label });
}

/**
 * The schema of one channel's config over a registry, discriminated on `type`: one strict object
 * per channel, built from the same field parsers `deepLink` reads.
 */
export function channelConfigSchemaOf(registry: readonly AnyChannel[]) {
  const [first, ...rest] = registry.map(channelSchema);
  if (!first) throw new Error('the channel registry is empty');
  return z.discriminatedUnion('type', [first, ...rest], {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      return unknownChannel(
        (issue.input as { type?: unknown } | null)?.type,
        registry.map((channel) => channel.type),
      );
    },
  });
}

/** One channel's config, discriminated on `type`. */
export const channelConfigSchema: z.ZodMiniType<ChannelConfig, ChannelConfig> =
  /* @__PURE__ */ channelConfigSchemaOf(channels) as never;
