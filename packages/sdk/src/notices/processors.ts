import type { LocalizedText } from '../channels/types.js';
import type { ConfigText, Processor, ProcessorPreset } from './types.js';

/** One processor line's parts, in one locale. */
export interface ProcessorLine {
  name: string;
  country: string;
  role: string;
  transfer: string;
}

/**
 * Processors whose facts ship with the SDK (docs/notices.md, "Processors"). Meta runs the WhatsApp
 * Cloud API as the business's processor: in that role it handles message content for the
 * business, while it stays an independent controller for the visitor's own account.
 */
const presets: Record<
  ProcessorPreset,
  { name: string; country: string; role: LocalizedText; transfer: LocalizedText }
> = {
  'whatsapp-cloud-api': {
    name: 'WhatsApp Ireland Limited (Meta)',
    country: 'IE',
    role: {
      de: 'Betrieb der WhatsApp Cloud API; dabei verarbeitet Meta die Nachrichteninhalte für uns',
      en: 'operating the WhatsApp Cloud API, in which Meta processes the message content for us',
    },
    transfer: {
      de: 'Übermittlung an WhatsApp LLC und Meta Platforms, Inc. in den USA auf Grundlage des EU-US Data Privacy Frameworks (WhatsApp Business Data Transfer Addendum).',
      en: 'Transfers to WhatsApp LLC and Meta Platforms, Inc. in the USA under the EU-US Data Privacy Framework (WhatsApp Business Data Transfer Addendum).',
    },
  },
};

/** The names of the presets, for config checks. */
export const processorPresets = Object.keys(presets) as ProcessorPreset[];

/** A config text in `locale`; a per-language text without it falls back to English. */
export function localText(text: ConfigText | undefined, locale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (text as Record<string, string | undefined>)[locale] ?? text.en;
}

/**
 * A country's name in `locale` from its ISO 3166-1 alpha-2 code ("DE" → "Deutschland"), from the
 * browser's own data (no table to ship); the code itself where the runtime has no names.
 */
export function countryName(code: string, locale: string): string {
  const upper = code.trim().toUpperCase();
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(upper) ?? upper;
  } catch {
    return upper;
  }
}

/**
 * One processor's line parts in `locale`, a preset's facts filled in: as the locale file
 * translates them (`translated`), else in the preset's German or English.
 */
export function processorLine(
  processor: Processor,
  locale: string,
  translated?: Partial<Record<ProcessorPreset, { role?: string; transfer?: string }>>,
): ProcessorLine {
  const facts = 'preset' in processor ? presets[processor.preset] : processor;
  const own = 'preset' in processor ? translated?.[processor.preset] : undefined;
  return {
    name: facts.name.trim().normalize('NFC'),
    country: countryName(facts.country, locale),
    role: own?.role ?? localText(facts.role, locale),
    transfer: own?.transfer ?? localText(facts.transfer, locale),
  };
}
