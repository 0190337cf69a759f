/**
 * The configs behind the committed notice snapshots (`snapshots/<channel>.<locale>.txt`): every
 * channel × locale, with and without checkbox and advertising, and the withdraw notice. The files
 * are the reviewable text of every notice we ship; `node scripts/update-notice-snapshots.mjs`
 * rewrites them and `snapshots.test.ts` fails when they drift from the templates.
 */
import { channelTypes } from '../channels/index.js';
import type { ChannelType } from '../channels/types.js';
import { noticeLocales } from './locales.js';
import { renderNotice, renderWithdrawNotice } from './render.js';
import type { NoticeInput, RenderedNotice } from './types.js';

/** Every shipped locale has its snapshots. */
export const snapshotLocales = noticeLocales;

/** A full config: every optional fact set, so every sentence shows up in some snapshot. */
export function snapshotInput(channel: ChannelType, locale: string): NoticeInput {
  return {
    channel,
    locale,
    company: 'Firma GmbH',
    purpose: 'News',
    frequency: locale === 'de' ? 'etwa einmal pro Woche' : 'about once a week',
    controller: 'Firma GmbH, Hauptstraße 1, 10115 Berlin, datenschutz@firma.example',
    dpo: 'dsb@firma.example',
    privacyPolicy: 'https://firma.example/datenschutz',
    privacyPolicyVersion: locale === 'de' ? '1. März 2026' : '1 March 2026',
    withdrawMessage: 'Stop News Firma GmbH',
    processors: [
      { preset: 'whatsapp-cloud-api' },
      { name: 'Hoster GmbH', role: { de: 'Hosting', en: 'hosting' }, country: 'DE' },
    ],
    ...(channel === 'sms' || channel === 'email'
      ? {
          provider: {
            name: channel === 'sms' ? 'SMS Versand AG' : 'Mail Dienst GmbH',
            country: 'DE',
            transfer: { de: 'Keine Übermittlung in Drittländer.', en: 'No transfer outside the EU/EEA.' },
          },
        }
      : {}),
  };
}

const section = (label: string, notice: RenderedNotice) =>
  `===== ${label} · ${notice.id} · sha256 ${notice.sha256}\n\n${notice.text}\n`;

/** The snapshot file of one channel and locale. */
export async function renderSnapshot(channel: ChannelType, locale: string): Promise<string> {
  const input = snapshotInput(channel, locale);
  const variants: [string, NoticeInput][] = [
    ['checkbox, advertising', { ...input, checkbox: true }],
    ['no checkbox, advertising "Fahrräder und Zubehör"', { ...input, advertising: 'Fahrräder und Zubehör' }],
    [
      'checkbox, no advertising, no processors, unsubscribe page',
      {
        ...input,
        checkbox: true,
        advertising: false,
        processors: [],
        unsubscribeUrl: 'https://firma.example/abmelden',
      },
    ],
  ];
  if (channel === 'telegram')
    variants.push([
      'account (not a bot), checkbox, advertising',
      { ...input, checkbox: true, prefill: 'text' },
    ]);
  const parts: string[] = [];
  for (const [label, each] of variants) parts.push(section(label, await renderNotice(each)));
  parts.push(section('withdraw', await renderWithdrawNotice(input)));
  return parts.join('\n');
}

/** Every snapshot file: name → content. */
export async function renderSnapshots(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const channel of channelTypes)
    for (const locale of snapshotLocales)
      files.set(`${channel}.${locale}.txt`, await renderSnapshot(channel, locale));
  return files;
}
