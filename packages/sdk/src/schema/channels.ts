import * as z from 'zod/mini';
import { emailFields } from '../channels/email.js';
import { instagramFields } from '../channels/instagram.js';
import { lineFields } from '../channels/line.js';
import { messengerFields } from '../channels/messenger.js';
import { signalFields } from '../channels/signal.js';
import { smsFields } from '../channels/sms.js';
import { telegramFields } from '../channels/telegram.js';
import { threemaFields } from '../channels/threema.js';
import type { ChannelProvider, FieldParser } from '../channels/types.js';
import { channelProviderProblems } from '../config/notice-options.js';
import { viberFields } from '../channels/viber.js';
import { whatsappFields } from '../channels/whatsapp.js';
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

export const whatsappConfigSchema = z.strictObject({
  type: z.literal('whatsapp'),
  phone: field(whatsappFields.phone),
  label,
});
export const telegramConfigSchema = z.strictObject({
  type: z.literal('telegram'),
  username: field(telegramFields.username),
  label,
});
export const messengerConfigSchema = z.strictObject({
  type: z.literal('messenger'),
  page: field(messengerFields.page),
  label,
});
export const instagramConfigSchema = z.strictObject({
  type: z.literal('instagram'),
  username: field(instagramFields.username),
  label,
});
export const viberConfigSchema = z.strictObject({
  type: z.literal('viber'),
  uri: field(viberFields.uri),
  label,
});
export const threemaConfigSchema = z.strictObject({
  type: z.literal('threema'),
  id: field(threemaFields.id),
  label,
});
export const signalConfigSchema = z.strictObject({
  type: z.literal('signal'),
  phone: field(signalFields.phone),
  label,
});
export const smsConfigSchema = z.strictObject({
  type: z.literal('sms'),
  phone: field(smsFields.phone),
  provider,
  label,
});
export const lineConfigSchema = z.strictObject({ type: z.literal('line'), id: field(lineFields.id), label });
export const emailConfigSchema = z.strictObject({
  type: z.literal('email'),
  address: field(emailFields.address),
  provider,
  label,
});

/** One channel's config, discriminated on `type`. */
export const channelConfigSchema = z.discriminatedUnion(
  'type',
  [
    whatsappConfigSchema,
    telegramConfigSchema,
    messengerConfigSchema,
    instagramConfigSchema,
    viberConfigSchema,
    threemaConfigSchema,
    signalConfigSchema,
    smsConfigSchema,
    lineConfigSchema,
    emailConfigSchema,
  ],
  {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      return unknownChannel((issue.input as { type?: unknown } | null)?.type);
    },
  },
);
