// The warm-up of the lazy flow chunk, apart from the flow itself: fetching what the first tap will
// need on intent, and rendering one notice off screen so the tap finds everything prepared.
import '../optin-notice/define-notice.js';
import { noticeStyles } from '../optin-notice/optin-notice.styles.js';
import { channelMeta, loadNoticeLocale } from '@messenger-optin/sdk';
import type { WidgetConfig } from '@messenger-optin/sdk';
import { prepareFlow } from './prepare-flow.js';

/**
 * Called on the visitor's first sign of intent, once this chunk is there: fetches what the first
 * tap will need, so the notice paints without waiting for the network (docs/architecture.md#loading).
 * Not the reporter: it loads on the tap itself (privacy by default; it does not hold up the notice).
 */
export function prefetchFlow({ lang }: { lang: string }): void {
  const ignore = () => undefined;
  // Lit builds the dialog's stylesheet (parsing all its CSS) when the first dialog connects: do it
  // now, off the tap's critical path. Lit caches it on the CSSResult.
  void noticeStyles.styleSheet;
  loadNoticeLocale(lang).catch(ignore);
  // The QR code only shows on desktop (fine pointer) for channels that use it.
  if (matchMedia('(hover: hover) and (pointer: fine)').matches) import('../qr-code/qr-code.js').catch(ignore);
}

let warmed = false;

/**
 * Called once when idle after the intent, after the prefetch: renders the first channel's notice into an inert box
 * and takes it out again within the same task, so it never paints and no key or pointer event can
 * reach its listeners. The first tap then finds Lit's templates prepared, the dialog's and Floating
 * UI's code compiled and the notice's text shaped (at 4× CPU throttle about 50 ms less).
 */
export async function warmFlow(
  config: WidgetConfig,
  root: Node,
  anchor: HTMLElement,
  lang: string,
): Promise<void> {
  const channel = config.channels[0];
  // Once per page: the caches it fills are shared by every widget on it.
  if (!channel || warmed) return;
  warmed = true;
  const { shown: notice, link } = await prepareFlow(config, channel, {
    withdraw: false,
    locale: lang,
    platform: 'other',
  });
  const box = document.createElement('div');
  // Inert: the dialog's attempt to take the focus does nothing.
  box.inert = true;
  const dialog = document.createElement('messenger-optin-notice');
  dialog.notice = notice;
  dialog.link = link;
  dialog.channel = channelMeta[channel.type];
  dialog.anchor = anchor;
  box.append(dialog);
  root.appendChild(box);
  try {
    // Lit renders in a microtask; the layout is forced here (read), still in this task.
    await dialog.updateComplete;
    box.getBoundingClientRect();
  } finally {
    box.remove();
  }
}
