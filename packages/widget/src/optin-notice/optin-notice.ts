import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { listenForLightDismiss } from '../light-dismiss.js';
import { copyText } from './copy-text.js';
import { trapTab } from './focus-trap.js';
import { fireNoticeEvent } from './optin-notice.events.js';
import { noticeStyles } from './optin-notice.styles.js';
import { chooseLayout, keepPositioned } from './position.js';
import { showInTopLayer } from './top-layer.js';
import { fillPlaceholders } from '@messenger-optin/sdk';
import type {
  ChannelMeta,
  DeepLink,
  DialogTexts,
  NoticeBlock,
  NoticeLayout,
  NoticeMode,
  NoticePhase,
  RenderedNotice,
} from './types.js';
import { linkHref, webHref } from './link-href.js';

type QrRenderer = (value: string, label: string) => TemplateResult;

/**
 * The data-use notice of one channel, as a modal dialog: a popover next to the channel button
 * (Floating UI), or a bottom sheet on narrow screens or without a button. It only shows and reports;
 * <messenger-optin> owns consent records, public events and navigation (notes/widget-contract.md).
 *
 * @summary Data-use notice, confirm, and the "continue in the messenger" step (copy box, QR code).
 *
 * @fires notice-confirm - The visitor confirmed. detail `{ action: 'button' | 'checkbox+button' | 'keyboard' }` (`checkbox+button` whenever the checkbox was required, also by keyboard). Not composed.
 * @fires notice-dismiss - Closed by Esc, the close/cancel button, the backdrop or a click outside. detail `{ phase }`. Not composed.
 * @fires notice-link - Link phase: link followed, QR code shown, or message copied. detail `{ via: 'navigation' | 'qr' | 'copy' }`. Not composed.
 *
 * @csspart dialog - The dialog box (popover or sheet).
 * @csspart backdrop - The dimmed page behind the bottom sheet.
 * @csspart heading - The dialog's heading; it labels the dialog.
 * @csspart body - The scrolling content.
 * @csspart details - The "Details" disclosure with the second layer.
 * @csspart checkbox - The label around the required checkbox.
 * @csspart confirm - The confirm button.
 * @csspart cancel - The cancel button and the close button.
 * @csspart copy - The "Copy message" button.
 * @csspart qr - The QR code (an SVG).
 * @csspart open-link - The link that opens the messenger.
 *
 * @cssprop [--optin-accent=#0b57d0] - Confirm button and links. All theme properties and their
 * defaults are those of `<messenger-optin>` (theme/theme-tokens.ts).
 */
export class OptinNotice extends LitElement {
  static override styles = noticeStyles;

  static override properties = {
    notice: { attribute: false },
    channel: { attribute: false },
    link: { attribute: false },
    texts: { attribute: false },
    reference: {},
    mode: {},
    anchor: { attribute: false },
    requireCheckbox: { type: Boolean, attribute: 'require-checkbox' },
    desktop: { type: Boolean },
    phase: {},
    lang: { reflect: true },
    theme: { reflect: true },
    _layout: { state: true },
    _placed: { state: true },
    _detailsOpen: { state: true },
    _checked: { state: true },
    _status: { state: true },
    _qr: { state: true },
    _closed: { state: true },
  };

  /** The rendered notice (texts already filled in by the SDK); every string is rendered as text. */
  declare notice: RenderedNotice | undefined;
  /** Display facts of the channel (name, prefill kind, desktop strategy). */
  declare channel: ChannelMeta | undefined;
  /** The deep link of this channel with the exact message. */
  declare link: DeepLink | undefined;
  /** The dialog's own texts (buttons, copy and QR steps), from the notice's locale file in the SDK. */
  declare texts: DialogTexts | undefined;
  /** The reference code at the end of the message, shown beside the QR code; '' for none. @default '' */
  declare reference: string;
  /** `consent` shows the data-use notice; `withdraw` a short "send Stop" dialog. @default 'consent' */
  declare mode: NoticeMode;
  /** The channel button; the popover sits next to it and focus returns to it. @default null */
  declare anchor: HTMLElement | null;
  /** Confirm stays disabled until the checkbox is ticked. @default false */
  declare requireCheckbox: boolean;
  /** A fine pointer (desktop): the link phase shows a QR code for `desktop: 'qr'` channels. @default false */
  declare desktop: boolean;
  /** `notice` before confirm; `link` once the consent was recorded. @default 'notice' */
  declare phase: NoticePhase;
  /** Language of the dialog (for screen readers); give the notice's locale. @default '' */
  declare lang: string;
  /** Colour theme; `auto` follows the operating system. @default 'light' */
  declare theme: 'light' | 'dark' | 'auto';

  declare private _layout: NoticeLayout;
  declare private _placed: boolean;
  declare private _detailsOpen: boolean;
  declare private _checked: boolean;
  /** Text of the live region ("Copied"). */
  declare private _status: string;
  declare private _qr: QrRenderer | undefined;
  declare private _closed: boolean;

  /** Listeners of one open dialog (keyboard, outside click); aborted on close and disconnect. */
  private _listeners: AbortController | undefined;
  private _stopPositioning: (() => void) | undefined;
  private _positioned: { floating: HTMLElement; anchor: HTMLElement | null } | undefined;
  private _frame = 0;
  private _focusPending = true;
  /** Focus was inside when the element was removed: give it back to the anchor. */
  private _hasFocus = false;
  private _qrLoading = false;
  /** "Details" was opened: show it once the popover is placed with its new height. */
  private _reveal = false;
  private _qrReported = '';

  constructor() {
    super();
    // notice, channel, link and _qr start undefined: Lit's accessors need no initial value for that.
    this.mode = 'consent';
    this.reference = '';
    this.anchor = null;
    this.requireCheckbox = false;
    this.desktop = false;
    this.phase = 'notice';
    this.lang = '';
    this.theme = 'light';
    this._layout = 'sheet';
    this._placed = false;
    this._detailsOpen = false;
    this._checked = false;
    this._status = '';
    this._closed = false;
    this.addEventListener('focusin', () => (this._hasFocus = true));
    this.addEventListener('focusout', (event) => {
      const next = event.relatedTarget;
      // A null relatedTarget is also what removing the focused element gives: keep the flag then.
      if (next instanceof Node && !this.contains(next) && !this.shadowRoot?.contains(next)) {
        this._hasFocus = false;
      }
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._focusPending = true;
    // Moved to another place in the page: position and listen again (disconnect stopped both).
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._teardown();
    if (this._hasFocus) this._restoreFocus();
  }

  private get _renderable(): boolean {
    return !this._closed && !!this.notice && !!this.channel && !!this.link && !!this.texts;
  }

  private get _showsQr(): boolean {
    return this.phase === 'link' && this.desktop && this.channel?.desktop === 'qr';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const content = ['notice', 'channel', 'link', 'mode', 'anchor'] as const;
    if (content.some((key) => changed.has(key)) && this.hasUpdated) {
      // The element is being reused for another notice: start over as a freshly opened dialog.
      this._closed = false;
      this._detailsOpen = false;
      this._checked = false;
      this._focusPending = true;
      this._qrReported = '';
    }
    if (changed.has('phase') && this.hasUpdated) {
      this._status = '';
      this._focusPending = true;
      this._qrReported = '';
    }
    if (!this._positioned) this._layout = chooseLayout(window.innerWidth, !!this.anchor);
    if (this._showsQr && !this._qr && !this._qrLoading) void this._loadQr();
  }

  protected override updated(): void {
    // A state change during teardown still renders once while detached: start nothing then.
    if (!this.isConnected) return;
    const floating = this.renderRoot.querySelector<HTMLElement>('.dialog');
    if (!floating) return;
    // Into the top layer before anything measures it: until then the popover is display: none.
    showInTopLayer(floating.parentElement as HTMLElement);
    if (this._positioned?.floating !== floating || this._positioned.anchor !== this.anchor) {
      this._open(floating);
    }
    if (this._focusPending) {
      this._focusPending = false;
      this._focusFirst();
    }
    if (this._showsQr && this._qr && this.link && this._qrReported !== this.link.href) {
      this._qrReported = this.link.href;
      fireNoticeEvent(this, 'notice-link', { via: 'qr' });
    }
  }

  /** Starts positioning and the document listeners for the dialog box that is on screen now. */
  private _open(floating: HTMLElement): void {
    this._teardown();
    this._positioned = { floating, anchor: this.anchor };
    const listeners = new AbortController();
    this._listeners = listeners;
    const { signal } = listeners;
    // Document level, so Esc and Tab work wherever the focus is while the modal is open.
    document.addEventListener('keydown', (event) => this._onKeydown(event), { signal });
    // Light dismiss of the popover (see light-dismiss.ts). This element's tree holds the dialog and
    // the sheet's backdrop; the backdrop closes on click instead (see render).
    listenForLightDismiss(
      this,
      (path) => path.includes(this) || (this.anchor !== null && path.includes(this.anchor)),
      (event) => this._dismiss(event),
      signal,
    );
    if (this.anchor) {
      this._stopPositioning = keepPositioned(this.anchor, floating, (layout, placed) => {
        this._layout = layout;
        this._placed = placed;
        // Opening "Details" grew the popover, and it was placed again: now show the section.
        if (placed && this._reveal) this._revealDetails();
      });
    } else {
      this._layout = 'sheet';
      // One frame unplaced, so the sheet slides in (no transition under prefers-reduced-motion).
      this._frame = requestAnimationFrame(() => (this._placed = true));
    }
  }

  /** Stops what `_open` started: the positioning's autoUpdate, listeners, a pending frame. */
  private _teardown(): void {
    this._stopPositioning?.();
    this._stopPositioning = undefined;
    this._listeners?.abort();
    this._listeners = undefined;
    cancelAnimationFrame(this._frame);
    this._positioned = undefined;
    this._placed = false;
  }

  private _onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this._dismiss();
      return;
    }
    const root = this.shadowRoot;
    const container = root?.querySelector('.dialog');
    if (root && container) trapTab(event, root, container);
  }

  private _focusFirst(): void {
    const root = this.renderRoot;
    const target =
      this.phase === 'link'
        ? (root.querySelector<HTMLElement>('[part="copy"]') ??
          root.querySelector<HTMLElement>('[part~="open-link"]'))
        : root.querySelector<HTMLElement>('#heading');
    // preventScroll: the popover may not be placed yet, and scrolling to it would move the anchor.
    target?.focus({ preventScroll: true });
  }

  private _restoreFocus(): void {
    this._hasFocus = false;
    if (this.anchor?.isConnected) this.anchor.focus();
  }

  /** Esc, close/cancel, backdrop: focus back to the anchor. A press outside: see below. */
  private _dismiss(event?: Event): void {
    if (this._closed) return;
    this._teardown();
    this._closed = true;
    // Light dismiss leaves focus to the browser, which moves it to where the visitor pointed (the
    // HTML popover light dismiss does not restore focus either). Focusing the anchor here would
    // scroll back to it and fire focus events on it, only for the click to take the focus away.
    // Decided before the event: a listener may remove this element, and disconnecting restores.
    const light = event?.type === 'pointerup';
    if (light) this._hasFocus = false;
    fireNoticeEvent(this, 'notice-dismiss', { phase: this.phase });
    if (!light) this._restoreFocus();
  }

  /**
   * Opening "Details" scrolls the section into view inside the dialog's body (never the page):
   * once it is rendered, and again when the grown popover has been placed anew.
   */
  private _toggleDetails = async (): Promise<void> => {
    this._detailsOpen = !this._detailsOpen;
    this._reveal = this._detailsOpen;
    if (!this._reveal) return;
    await this.updateComplete;
    requestAnimationFrame(() => this._revealDetails(this._layout === 'popover'));
  };

  private _revealDetails(again = false): void {
    this._reveal = again;
    const region = this.renderRoot.querySelector<HTMLElement>('#details');
    const body = region?.closest<HTMLElement>('.body');
    if (!region || !body || region.hidden) return;
    // The disclosure button and as much of the section as fits: its top at the top of the body.
    const top = region.getBoundingClientRect().top - body.getBoundingClientRect().top;
    const button = region.previousElementSibling as HTMLElement | null;
    body.scrollTop += top - (button?.offsetHeight ?? 0);
  }

  private _onConfirm(event: MouseEvent): void {
    // A required checkbox was ticked, whatever the input device: the record must show that step.
    // Otherwise detail is the click count; 0 means the button was activated by keyboard (Enter/Space).
    const action =
      this.requireCheckbox && this.mode === 'consent'
        ? 'checkbox+button'
        : event.detail === 0
          ? 'keyboard'
          : 'button';
    fireNoticeEvent(this, 'notice-confirm', { action });
  }

  private async _onCopy(): Promise<void> {
    if (!this.link) return;
    const field = this.renderRoot.querySelector<HTMLTextAreaElement>('#message');
    const result = await copyText(this.link.message, field);
    // Clear first so that a second copy is announced again by screen readers.
    this._status = '';
    await this.updateComplete;
    const texts = this.texts as DialogTexts;
    this._status = result === 'copied' ? texts.copied : texts.copyManually;
    if (result === 'copied') fireNoticeEvent(this, 'notice-link', { via: 'copy' });
  }

  private async _loadQr(): Promise<void> {
    this._qrLoading = true;
    try {
      const module = await import('../qr-code/qr-code.js');
      this._qr = module.qrCode;
    } catch {
      // Offline or blocked chunk: the "Open on this device" link still works without the code.
      this._qrLoading = false;
    }
  }

  protected override render() {
    if (!this._renderable) return nothing;
    const sheet = this._layout === 'sheet';
    const s = this.texts as DialogTexts;
    const channel = this.channel as ChannelMeta;
    const title = (this.notice as RenderedNotice).title || named(s.withdrawTitle, channel);
    // The layer is what goes into the top layer (see top-layer.ts): one box for the backdrop and
    // the dialog, so they stay in this order above the page.
    return html`<div class="layer" popover="manual">
      ${
        // A tap on the modal sheet's backdrop is a close button: closing on click (not on pointer
        // down) keeps the tap from falling through to the page that the backdrop covers.
        sheet ? html`<div class="backdrop" part="backdrop" @click=${this._dismiss}></div>` : nothing
      }
      <div
        part="dialog"
        class="dialog ${this._layout}${this._placed ? ' placed' : ''}"
        role="dialog"
        aria-modal="true"
        aria-labelledby="heading"
      >
        <header>
          <h2 id="heading" part="heading" tabindex="-1">${title}</h2>
          <button class="close" part="cancel" aria-label=${s.close} @click=${this._dismiss}>
            <span aria-hidden="true">×</span>
          </button>
        </header>
        ${
          this.phase === 'link'
            ? this._renderLink(s, channel, this.link as DeepLink)
            : this.mode === 'withdraw'
              ? this._renderWithdraw(s, channel, this.link as DeepLink, this.notice as RenderedNotice)
              : this._renderNotice(s, channel, this.notice as RenderedNotice)
        }
      </div>
    </div>`;
  }

  private _renderBlock(block: NoticeBlock, s: DialogTexts) {
    const href = block.link ? webHref(block.link.href) : null;
    return html`${block.heading ? html`<h3>${block.heading}</h3>` : nothing}
      <p>
        ${block.text}${
          block.link && href
            ? html` <a href=${href} target="_blank" rel="noopener"
                >${block.link.label}<span class="visually-hidden"> ${s.opensInNewTab}</span></a
              >`
            : block.link
              ? ` ${block.link.label}`
              : nothing
        }
      </p>`;
  }

  private _renderNotice(s: DialogTexts, channel: ChannelMeta, notice: RenderedNotice) {
    const gated = this.requireCheckbox && !this._checked;
    // The accessibility contract says the confirm names the channel; keep that under overrides too.
    const confirm = names(notice.confirmLabel, channel.name)
      ? notice.confirmLabel
      : `${notice.confirmLabel} (${channel.name})`;
    return html`<div class="body" part="body">
        ${notice.firstLayer.map((block) => this._renderBlock(block, s))}
        ${
          notice.secondLayer.length
            ? html`<div class="details" part="details">
                <button
                  class="disclosure"
                  aria-expanded=${this._detailsOpen ? 'true' : 'false'}
                  aria-controls="details"
                  @click=${this._toggleDetails}
                >
                  ${s.details}
                </button>
                <div id="details" class="details-region" ?hidden=${!this._detailsOpen}>
                  ${notice.secondLayer.map((block) => this._renderBlock(block, s))}
                </div>
              </div>`
            : nothing
        }
      </div>
      <footer>
        ${
          this.requireCheckbox
            ? html`<label class="check" part="checkbox"
                ><input
                  type="checkbox"
                  .checked=${this._checked}
                  @change=${(event: Event) => (this._checked = (event.target as HTMLInputElement).checked)}
                /><span>${notice.checkboxLabel}</span></label
              >`
            : nothing
        }
        ${this._renderActions(s, confirm, gated)}
      </footer>`;
  }

  /** Cancel and confirm, the same in the notice and the withdraw dialog. */
  private _renderActions(s: DialogTexts, confirm: string, disabled: boolean) {
    return html`<button part="cancel" @click=${this._dismiss}>${s.cancel}</button>
      <button class="primary" part="confirm" ?disabled=${disabled} @click=${this._onConfirm}>
        ${confirm}
      </button>`;
  }

  /**
   * Withdraw mode shows the SDK's withdraw notice (renderWithdrawNotice); the dialog's own strings
   * stand in for parts it leaves empty. Never gated by the checkbox: withdrawing must be as easy
   * as consenting (GDPR Art. 7(3)).
   */
  private _renderWithdraw(s: DialogTexts, channel: ChannelMeta, link: DeepLink, notice: RenderedNotice) {
    const confirm = names(notice.confirmLabel, channel.name)
      ? notice.confirmLabel
      : named(s.withdrawConfirm, channel);
    return html`<div class="body" part="body">
        ${
          notice.firstLayer.length
            ? notice.firstLayer.map((block) => this._renderBlock(block, s))
            : html`<p>${named(s.withdrawText, channel, link.message)}</p>`
        }
      </div>
      <footer>${this._renderActions(s, confirm, false)}</footer>`;
  }

  private _renderLink(s: DialogTexts, channel: ChannelMeta, link: DeepLink) {
    // Telegram bots need no copy step: START sends `/start <payload>` itself (docs/notices.md).
    const copy = link.prefill !== 'text' && channel.type !== 'telegram';
    const qr = this._showsQr;
    // On desktop a web link opens in a new tab so the site stays; app schemes (sms:, viber:) never do.
    const newTab = this.desktop && webHref(link.href) !== null;
    const href = linkHref(link.href);
    let code: TemplateResult | typeof nothing = nothing;
    if (qr && this._qr) {
      try {
        code = this._qr(link.href, named(s.qrLabel, channel));
      } catch {
        code = nothing; // Too long for a QR code: the link below still works.
      }
    }
    return html`<div class="body" part="body">
        ${
          copy
            ? html`<p>${named(s.sendThis, channel)}</p>
                <div class="message">
                  <label class="visually-hidden" for="message">${s.yourMessage}</label>
                  <textarea id="message" readonly rows="3" .value=${link.message}></textarea>
                  <button part="copy" @click=${this._onCopy}>${s.copy}</button>
                </div>`
            : nothing
        }
        ${
          qr
            ? html`<div class="qr-box">
                ${this._qr ? code : html`<div class="qr-placeholder muted">${s.qrLoading}</div>`}
                <div class="qr-text">
                  <p>${named(s.scan, channel)}</p>
                  ${
                    // The visitor checks on the phone that this is what they send (copy shows it
                    // above). A Telegram bot opens with START instead, which sends the code itself.
                    copy
                      ? nothing
                      : link.prefill === 'payload'
                        ? html`<p class="muted">${named(s.qrStart, channel)}</p>`
                        : html`<p class="muted">${s.qrMessage}</p>
                            <p class="sent-message">${link.message}</p>`
                  }
                  ${
                    this.reference && this.mode === 'consent'
                      ? html`<p class="muted">
                          ${s.qrCode}: <strong class="reference">${this.reference}</strong>
                        </p>`
                      : nothing
                  }
                </div>
              </div>`
            : nothing
        }
        <p class="status" role="status">${this._status}</p>
      </div>
      <footer>
        ${
          href
            ? html`<a
                class=${qr ? 'button' : 'button primary'}
                part="open-link"
                href=${href}
                target=${newTab ? '_blank' : '_self'}
                rel="noopener"
                @click=${() => fireNoticeEvent(this, 'notice-link', { via: 'navigation' })}
                >${qr ? s.openHere : named(s.open, channel)}</a
              >`
            : nothing
        }
      </footer>`;
  }
}

/** A dialog text with the channel's name (and the message) filled in. */
const named = (text: string, channel: ChannelMeta, message = ''): string =>
  fillPlaceholders(text, { channel: channel.name, message });

/** Whether a label names the channel, in any spelling ("Open email app" names "E-Mail"). */
const names = (label: string, channel: string): boolean => {
  const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return letters(label).includes(letters(channel));
};
