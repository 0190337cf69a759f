/**
 * Reading what a person sent (docs/inbound.md#parsing): normalize, tokenize, then find the intent
 * (withdraw, erasure, access, optin) and the reference code. Pure; the keyword lists come from the
 * configuration.
 */

export type Intent = 'withdraw' | 'erasure' | 'access' | 'optin' | 'yes' | 'no_intent';

/** Where the words came from: a typed text, a bot payload (Telegram start, ref, Viber context). */
export type TextSource = 'text' | 'payload';

export interface Keywords {
  optin: readonly string[];
  stop: readonly string[];
  access: readonly string[];
  erasure: readonly string[];
}

export const DEFAULT_KEYWORDS: Keywords = {
  optin: ['Start'],
  stop: ['Stop', 'Stopp', 'Abmelden', 'Abbestellen', 'Unsubscribe'],
  access: ['Auskunft', 'Access', 'Meine Daten'],
  erasure: ['Löschen', 'Delete my data'],
};

/** The answers that complete the second step for e-mail and SMS (a forged sender cannot give it). */
const YES_WORDS = ['ja', 'yes'];

/** Bodies Twilio treats as an opt-out (it replies itself and blocks later sends). */
const TWILIO_OPT_OUT = ['stop', 'unsubscribe', 'end', 'quit', 'stopall', 'revoke', 'optout', 'cancel'];

/** Crockford base32 without I L O U, 4 to 8 symbols: the reference code the SDK appends. */
const REF_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4,8}$/;

export interface Parsed {
  intent: Intent;
  /** The reference code candidate (uppercased), when the last token looks like one. */
  ref: string | undefined;
  /** `start` for a Telegram `/start <payload>`, else as the source. */
  trigger: 'message' | 'start' | 'postback';
  /** True when the text adds nothing beyond a keyword phrase or a payload (so it may be chained). */
  keywordOnly: boolean;
  /** The normalized text (payload underscores turned to spaces): what a consent message is compared to. */
  normalized: string;
}

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** Text that PostgreSQL can store and the chain can hash: no U+0000, no lone surrogates. */
export function storableText(text: string): string {
  return text
    .replaceAll('\u0000', '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Step 2: NFKC, no format characters or variation selectors, one space per whitespace run. */
export function normalizeText(text: string): string {
  return storableText(text)
    .normalize('NFKC')
    .replace(/[\p{Cf}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

const EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Step 3: strip non-letters and non-digits from both ends (a leading `/` survives), split. */
export function tokenize(normalized: string): string[] {
  const slash = normalized.startsWith('/');
  const stripped = normalized.replace(EDGE, '');
  const whole = slash && stripped ? `/${stripped}` : stripped;
  return whole
    .split(' ')
    .map((token, index) => {
      const keep = index === 0 && token.startsWith('/');
      const bare = token.replace(EDGE, '');
      return keep && bare ? `/${bare}` : bare;
    })
    .filter((token) => token.length > 0);
}

/** Step 4: the form keywords are compared in. */
export function compareForm(token: string): string {
  return token
    .toLowerCase()
    .replace(/[äöüß]/g, (char) => UMLAUTS[char] ?? char)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** A keyword phrase as compare-form tokens. */
export const phraseTokens = (phrase: string): string[] => tokenize(normalizeText(phrase)).map(compareForm);

function startsWithPhrase(tokens: readonly string[], phrases: readonly string[][]): string[] | undefined {
  return phrases.find(
    (phrase) =>
      phrase.length > 0 && phrase.length <= tokens.length && phrase.every((word, i) => tokens[i] === word),
  );
}

export interface CompiledKeywords {
  optin: string[][];
  stop: string[][];
  access: string[][];
  erasure: string[][];
  /** Every single keyword word: a token equal to one is never a reference code. */
  words: Set<string>;
}

export function compileKeywords(keywords: Keywords): CompiledKeywords {
  const optin = keywords.optin.map(phraseTokens);
  const stop = keywords.stop.map(phraseTokens);
  const access = keywords.access.map(phraseTokens);
  const erasure = keywords.erasure.map(phraseTokens);
  const words = new Set([optin, stop, access, erasure].flat(2));
  return { optin, stop, access, erasure, words };
}

export interface ParseOptions {
  source: TextSource;
  channel: string;
  keywords: CompiledKeywords;
}

const COMMAND = /^\/(start|stop)(?:@[A-Za-z0-9_]+)?$/i;

/** Step 1: a payload is text with `_` and `-` as spaces. */
export const payloadToText = (payload: string): string => payload.replace(/[_-]/g, ' ');

/**
 * Parses one message (steps 1 to 7). The caller turns `no_intent` with a ref into an opt-in when
 * that ref is pending ("Newsletter Firma K7Q2X9"), since only the database knows that.
 */
export function parseMessage(raw: string, options: ParseOptions): Parsed {
  let source = options.source;
  let trigger: Parsed['trigger'] = source === 'payload' ? 'postback' : 'message';
  let text = source === 'payload' ? payloadToText(raw) : raw;
  let normalized = normalizeText(text);
  let tokens = tokenize(normalized);

  // Telegram: /start <payload> makes the rest a payload; /stop withdraws; a bare /start says nothing.
  const command = COMMAND.exec(tokens[0] ?? '');
  if (command) {
    const name = command[1]?.toLowerCase();
    if (name === 'stop') return result('withdraw', undefined, 'message', true, normalized);
    const rest = normalized.slice(normalized.indexOf(' ') + 1);
    if (tokens.length === 1) return result('no_intent', undefined, 'message', false, normalized);
    source = 'payload';
    trigger = 'start';
    text = payloadToText(rest);
    normalized = normalizeText(text);
    tokens = tokenize(normalized);
  }

  const words = tokens.map(compareForm);
  const { keywords } = options;
  const exactly = (phrases: string[][]) =>
    phrases.some((phrase) => phrase.length === words.length && phrase.every((word, i) => words[i] === word));
  const keywordOnly =
    source === 'payload' || [keywords.stop, keywords.access, keywords.erasure, keywords.optin].some(exactly);

  if (startsWithPhrase(words, keywords.stop))
    return result('withdraw', undefined, trigger, keywordOnly, normalized);
  if (options.channel === 'sms' && words.length === 1 && TWILIO_OPT_OUT.includes(words[0] ?? ''))
    return result('withdraw', undefined, trigger, keywordOnly, normalized);
  if (startsWithPhrase(words, keywords.erasure))
    return result('erasure', undefined, trigger, keywordOnly, normalized);
  if (startsWithPhrase(words, keywords.access))
    return result('access', undefined, trigger, keywordOnly, normalized);

  const last = tokens.at(-1);
  const candidate = last?.toUpperCase();
  const ref =
    candidate !== undefined && REF_PATTERN.test(candidate) && !keywords.words.has(compareForm(last ?? ''))
      ? candidate
      : undefined;
  if (source === 'payload' || startsWithPhrase(words, keywords.optin))
    return result('optin', ref, trigger, keywordOnly, normalized);
  if (words.length === 1 && YES_WORDS.includes(words[0] ?? ''))
    return result('yes', undefined, trigger, true, normalized);
  return result('no_intent', ref, trigger, keywordOnly, normalized);
}

function result(
  intent: Intent,
  ref: string | undefined,
  trigger: Parsed['trigger'],
  keywordOnly: boolean,
  normalized: string,
): Parsed {
  return { intent, ref, trigger, keywordOnly, normalized };
}

/**
 * Whether a received text equals the message the consent asked the visitor to send, after the same
 * normalization (case and quotes aside): then the chain may hold it verbatim.
 */
export function sameMessage(received: string, consentMessage: string): boolean {
  const form = (text: string) => tokenize(normalizeText(text)).map(compareForm).join(' ');
  return form(received) === form(consentMessage);
}
