/**
 * Whether `texts` overrides could make a notice longer than a consent event may carry (the event
 * schema caps `notice.text` at NOTICE_TEXT_MAX UTF-16 units; a longer `notice_shown` is refused by
 * every receiver, so the text would never be archived). Shared by the zod schema and
 * `checkWidgetConfig`, so both refuse the same configs.
 *
 * The arithmetic, in UTF-16 units (what the event schema counts; an astral character is 2):
 * - NOTICE_BASE: the longest notice our templates render with every config value at its cap and no
 *   override (17,621 measured over all channels, locales, kinds, prefills and advertising, with
 *   five processors; notice-size.test.ts keeps the bounds here true). The caps of the notice
 *   options (rules.ts) are set so that this leaves room for overrides.
 * - An override adds at most its own size: its length plus, per placeholder, the longest value it
 *   can insert (`inserts`; config values at their caps, ×2 for astral characters).
 * - Nested values (`{via}`, `{dpf}`, … themselves texts with placeholders, filled in this order)
 *   appear up to NESTED_USES times in our templates (`{via}`: title, intro, consent, stop, …), so an override of
 *   one adds that many copies of its size, besides its copies inside other overrides (counted in
 *   their size). Not overridden, one is at most NESTED_DEFAULT plus the nested overrides before it.
 * So NOTICE_BASE + Σ sizes of other overrides + NESTED_USES · Σ sizes of nested overrides bounds
 * the notice; every override counts, even one the notice does not use: simple and on the safe side.
 */
const NOTICE_TEXT_MAX = 30_000;
const NOTICE_BASE = 17_800;
const NESTED_USES = 9;
const NESTED_DEFAULT = 400;
/** A top-level text can appear twice: in the first layer and again in Details (`intro`). */
const TOP_LEVEL_USES = 2;

/** Override keys of the nested values, in the order the notice fills them (compose.ts), and the
 * placeholder each fills (`advertisingDefault` fills `{advertising}`). */
const nestedPlaceholders: Record<string, string> = {
  via: 'via',
  app: 'app',
  advertisingDefault: 'advertising',
  act: 'act',
  unsubscribeLabel: 'unsubscribeLabel',
  providerName: 'providerName',
  providerData: 'providerData',
  transfer: 'transfer',
  identifierAccount: 'identifier',
  identifier: 'identifier',
};
const nested = Object.keys(nestedPlaceholders);

/** The problem with `texts` (all strings), or undefined. */
export function noticeTextsProblem(texts: Record<string, string>): string | undefined {
  // Config values at their caps (rules.ts), in UTF-16 units: message = keyword company ref.
  // The message and code stay placeholders; the withdraw message is keyword (with the purpose) and company.
  const inserts: Record<string, number> = {
    company: 200,
    channel: 20,
    purpose: 400,
    advertising: 200,
    frequency: 124,
    controller: 1000,
    dpo: 400,
    privacyPolicyVersion: 80,
    ownProvider: 160,
    ownProviderCountry: 60,
    seat: 200,
    countries: 200,
    withdrawMessage: 430,
  };
  // `+… || 0`: unknown placeholders stay as written, and `{constructor}` is no number either.
  const size = (text: string) =>
    [...text.matchAll(/\{(\w+)\}/g)].reduce(
      (sum, [, name]) => sum + (+inserts[name!]! || 0),
      text.normalize('NFC').length,
    );
  // A key's last part names the text: `whatsapp.via` is `via` for one channel.
  const textOf = (key: string) => key.split('.').pop()!;
  let total = NOTICE_BASE;
  let before = 0;
  for (const key of nested) {
    const name = nestedPlaceholders[key]!;
    let most = -1;
    for (const each in texts) if (textOf(each) === key) most = Math.max(most, size(texts[each]!));
    const value = (inserts[name] = Math.max(inserts[name] ?? 0, most < 0 ? NESTED_DEFAULT + before : most));
    if (most >= 0) {
      before += value;
      total += NESTED_USES * value;
    }
  }
  for (const key in texts) if (!nested.includes(textOf(key))) total += TOP_LEVEL_USES * size(texts[key]!);
  return total > NOTICE_TEXT_MAX
    ? `can make a notice of ${total} characters, over the ${NOTICE_TEXT_MAX} a consent event can carry; shorten them`
    : undefined;
}
