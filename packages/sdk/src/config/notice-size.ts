/**
 * Whether `texts` overrides could make a notice longer than a consent event may carry (the event
 * schema caps `notice.text` at NOTICE_TEXT_MAX UTF-16 units; a longer `notice_shown` is refused by
 * every receiver, so the text would never be archived). Shared by the zod schema and
 * `checkWidgetConfig`, so both refuse the same configs.
 *
 * The arithmetic, in UTF-16 units (what the event schema counts; an astral character is 2):
 * - NOTICE_BASE: the longest notice our templates render with every config value at its cap and no
 *   override (10,324 measured over all channels, locales, kinds and prefills; notice-size.test.ts
 *   keeps the bounds here true).
 * - An override adds at most its own size: its length plus, per placeholder, the longest value it
 *   can insert (`inserts`; config values at their caps, ×2 for astral characters).
 * - Nested values (`{via}`, `{dpf}`, … themselves texts with placeholders, filled in this order)
 *   appear up to NESTED_USES times in our templates (`{via}`: title, who, stop), so an override of
 *   one adds that many copies of its size, besides its copies inside other overrides (counted in
 *   their size). Not overridden, one is at most NESTED_DEFAULT (`topic`: the purpose) plus the
 *   nested overrides before it (`contact` holds `{identifier}` for SMS and e-mail).
 * So NOTICE_BASE + Σ sizes of other overrides + NESTED_USES · Σ sizes of nested overrides bounds
 * the notice; every override counts, even one the notice does not use: simple and on the safe side.
 */
const NOTICE_TEXT_MAX = 20_000;
const NOTICE_BASE = 10_500;
const NESTED_USES = 3;
const NESTED_DEFAULT = 300;

/** Override key of each nested value, in the order the notice fills them (compose.ts). */
const nested = {
  via: 'via',
  app: 'app',
  topic: 'topicDefault',
  dpf: 'dpf',
  provider: 'providerName',
  transfer: 'transfer',
  identifier: 'identifier',
  contact: 'contact',
};

/** The problem with `texts` (all strings), or undefined. */
export function noticeTextsProblem(texts: Record<string, string>): string | undefined {
  // Config values at their caps (rules.ts), in UTF-16 units: message = keyword company ref.
  const inserts: Record<string, number> = {
    company: 200,
    channel: 20,
    purpose: 400,
    topic: 400,
    controller: 2000,
    privacyPolicy: 4000,
    message: 320,
    withdrawMessage: 320,
  };
  const size = (text: string) =>
    [...text.matchAll(/\{([A-Za-z]+)\}/g)].reduce(
      (sum, [, name]) => sum + (Object.hasOwn(inserts, name!) ? inserts[name!]! : 0),
      text.normalize('NFC').length,
    );
  const keys = Object.keys(texts);
  // A key's last part names the text: `whatsapp.via` is `via` for one channel.
  const nestedKeys = keys.filter((key) => Object.values(nested).includes(key.split('.').pop()!));
  let total = NOTICE_BASE;
  let before = 0;
  for (const [name, key] of Object.entries(nested)) {
    const own = nestedKeys.filter((each) => each.split('.').pop() === key).map((each) => size(texts[each]!));
    // `topic` is the purpose when there is one.
    inserts[name] = Math.max(inserts[name] ?? 0, own.length ? Math.max(...own) : NESTED_DEFAULT + before);
    if (own.length) {
      before += inserts[name]!;
      total += NESTED_USES * inserts[name]!;
    }
  }
  for (const key of keys) if (!nestedKeys.includes(key)) total += size(texts[key]!);
  return total > NOTICE_TEXT_MAX
    ? `can make a notice of ${total} characters, more than the ${NOTICE_TEXT_MAX} a consent record holds; shorten them (each placeholder counts as the longest text it can insert)`
    : undefined;
}
