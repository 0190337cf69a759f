import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { channelMeta, channelTypes } from '@messenger-optin/sdk';
import type { ChannelConfig, ChannelMeta, DeepLink, RenderedNotice } from '@messenger-optin/sdk';
import type { WidgetConfig } from '@messenger-optin/sdk/schema';
import { renderChannelList } from './channel-list/channel-list.js';
import { mergeConfig } from './config/merge-config.js';
import { preCheck } from './config/pre-check.js';
import { configKeys, type ConfigProblem, type PreCheckedConfig, type RawConfig } from './config/types.js';
import {
  OptinConsentEvent,
  OptinErrorEvent,
  OptinLinkOpenEvent,
  OptinNoticeOpenEvent,
  OptinWithdrawEvent,
  type LinkVia,
  type OptinErrorDetail,
} from './events.js';
import { uiLocale, uiStrings } from './i18n/strings.js';
import { renderLauncher } from './launcher/launcher.js';
import { styles } from './messenger-optin.styles.js';
import type { ConsentReporter } from './reporter/start-reporter.js';

/** Lazy chunks; the functions exist so the idle prefetch and the first tap load the same module. */
const loadFlow = () => import('./flow/prepare-flow.js');
const loadValidation = () => import('./config/validate.js');
const loadReporter = () => import('./reporter/start-reporter.js');

/** One visitor's flow for one channel, from the tap until the dialog closes. */
interface ActiveFlow {
  mode: 'consent' | 'withdraw';
  channel: ChannelConfig;
  meta: ChannelMeta;
  consentId: string;
  ref: string;
  message: string;
  link: DeepLink;
  notice: RenderedNotice;
  anchor: HTMLElement;
  phase: 'notice' | 'link';
  desktop: boolean;
}

type RecordInput = Record<string, unknown>;

/**
 * @summary Lets visitors subscribe to a business over their messenger, lawfully: they read a
 * data-use notice, confirm, and then send the prefilled start message themselves.
 *
 * @csspart root - The inline layout's container.
 * @csspart headline - The headline above the buttons.
 * @csspart list - The list of channel buttons.
 * @csspart channel - Each channel button (also `channel-<type>`, e.g. `channel-whatsapp`).
 * @csspart unsubscribe - The toggle that switches the buttons to unsubscribe.
 * @csspart launcher - The floating layout's round launcher button.
 * @csspart panel - The floating layout's panel with the channel list.
 * @csspart close - The floating panel's close button.
 * @csspart notice - The notice dialog element (its own parts: see `messenger-optin-notice`).
 *
 * @cssprop [--optin-accent=#0b57d0] - Button and accent colour.
 * @cssprop [--optin-accent-text=#fff] - Text on the accent colour.
 * @cssprop [--optin-surface=#fff] - Background of panel and dialog.
 * @cssprop [--optin-text=#1f1f1f] - Text colour.
 * @cssprop [--optin-muted=#5e5e5e] - Secondary text colour.
 * @cssprop [--optin-border=#c4c7c5] - Border colour of panel and dialog.
 * @cssprop [--optin-radius=0.5rem] - Corner radius.
 * @cssprop [--optin-font-family=inherit] - Font of the whole widget.
 * @cssprop [--optin-gap=0.5rem] - Space between buttons.
 * @cssprop [--optin-offset=1rem] - Distance of the floating launcher from the corner.
 * @cssprop [--optin-z-index=2147483000] - Stacking level of the floating launcher, panel and dialog.
 *
 * @fires {OptinNoticeOpenEvent} optin-notice-open - The notice for a channel is shown. Detail `{ channel, consentId, notice: { id, version, sha256 } }`.
 * @fires {OptinConsentEvent} optin-consent - The visitor confirmed. Cancelable: `preventDefault()` stops the link from opening and no consent is recorded. Detail `{ channel, consentId, ref, message, href }`.
 * @fires {OptinLinkOpenEvent} optin-link-open - The link opened, its QR code was shown or its message copied. Detail `{ channel, consentId, href, via }`.
 * @fires {OptinWithdrawEvent} optin-withdraw - The visitor asked to unsubscribe. Detail `{ channel, href }`.
 * @fires {OptinErrorEvent} optin-error - Bad config or a run-time failure. Detail `{ code, message, path? }`.
 */
export class MessengerOptin extends LitElement {
  static override properties = {
    company: {},
    channels: { converter: { fromAttribute: (value: string | null) => value ?? undefined } },
    privacyPolicy: { attribute: 'privacy-policy' },
    endpoint: {},
    keyword: {},
    withdrawKeyword: { attribute: 'withdraw-keyword' },
    purpose: {},
    controller: {},
    lang: { reflect: true },
    layout: { reflect: true },
    requireCheckbox: { attribute: 'require-checkbox', type: Boolean },
    reference: {},
    impressions: { type: Boolean },
    texts: { attribute: false },
    theme: { reflect: true },
    _problem: { state: true },
    _withdraw: { state: true },
    _open: { state: true },
    _flow: { state: true },
  };

  static override styles = styles;

  /** Business name as the visitor will see it in the messenger. Required. */
  declare company: string | undefined;
  /** Channel configs: a JSON string (the attribute) or an array. Required. */
  declare channels: string | readonly ChannelConfig[] | undefined;
  /** URL of the privacy policy, http(s) only. Required. */
  declare privacyPolicy: string | undefined;
  /** URL the consent events go to; without it events are only DOM events. */
  declare endpoint: string | undefined;
  /** Start keyword of the message. @default 'Start' */
  declare keyword: string | undefined;
  /** Keyword of the unsubscribe message. @default 'Stop' */
  declare withdrawKeyword: string | undefined;
  /** What the visitor subscribes to ("News"), shown in the notice. */
  declare purpose: string | undefined;
  /** Legal entity and contact of the controller (GDPR Art. 13), shown in the notice. */
  declare controller: string | undefined;
  /** `inline` or `floating` (a launcher button in a corner). @default 'inline' */
  declare layout: 'inline' | 'floating' | undefined;
  /** Confirm stays disabled until the visitor ticks the checkbox. @default false */
  declare requireCheckbox: boolean;
  /** `code` appends a reference code to the message, `none` does not. @default 'code' */
  declare reference: 'code' | 'none' | undefined;
  /** Send `widget_shown` impression events to the endpoint (memory-only). @default false */
  declare impressions: boolean;
  /** Overrides of UI and notice texts by key (`headline`, `unsubscribe`, notice template keys). */
  declare texts: Record<string, string> | undefined;
  /** Colour scheme: `light`, `dark` or `auto` (follows the system). @default 'light' */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /** Navigates to a deep link. Replaceable for tests and for hosts that route links themselves. */
  navigate: (href: string) => void = (href) => location.assign(href);

  declare private _problem: ConfigProblem | undefined;
  declare private _withdraw: boolean;
  declare private _open: boolean;
  declare private _flow: ActiveFlow | undefined;

  private _pre: PreCheckedConfig | undefined;
  /** Resolves with the fully validated config, or undefined if it failed. */
  private _validated: Promise<WidgetConfig | undefined> = Promise.resolve(undefined);
  private _configVersion = 0;
  private _reported = '';
  private _reporter: Promise<ConsentReporter> | undefined;
  private _busy = false;
  private _connection: AbortController | undefined;
  private _idle: number | undefined;

  constructor() {
    super();
    this.requireCheckbox = false;
    this.impressions = false;
    this._withdraw = false;
    this._open = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._connection = new AbortController();
    // Parsed before its children (element upgraded mid-parse): read the JSON child once the
    // document is parsed.
    if (document.readyState === 'loading' && !this.hasAttribute('company')) {
      document.addEventListener('DOMContentLoaded', () => (this._configure(), this.requestUpdate()), {
        once: true,
        signal: this._connection.signal,
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._connection?.abort();
    this._connection = undefined;
    if (this._idle !== undefined) cancelIdle(this._idle);
    this._idle = undefined;
    this._flow = undefined;
    this._open = false;
    const reporter = this._reporter;
    this._reporter = undefined;
    // Pending events stay in the outbox and go out on the next page load if this flush fails.
    reporter?.then((r) => r.flush(2_000).finally(() => r.close())).catch(() => undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || configKeys.some((key) => changed.has(key as keyof MessengerOptin))) this._configure();
  }

  protected override updated(): void {
    if (this._pre && this._idle === undefined && this._connection) {
      // Fetch the chunks behind the first tap while the browser has nothing else to do.
      this._idle = requestIdle(() => {
        loadFlow().catch(() => undefined);
        if (this._pre?.raw['endpoint']) loadReporter().catch(() => undefined);
      });
    }
  }

  protected override render() {
    const pre = this._pre;
    if (!pre || this._problem) return nothing;
    const strings = uiStrings(uiLocale(this._lang()), pre.texts);
    const content = html`
      <p part="headline" class="headline" id="headline">
        ${this._withdraw ? strings.withdrawHeadline : strings.headline}
      </p>
      ${renderChannelList({
        channels: pre.channels,
        meta: (channel) => channelMeta[channel.type],
        strings,
        withdraw: this._withdraw,
        onPick: (index, button) => void this._pick(index, button),
        onToggleWithdraw: () => (this._withdraw = !this._withdraw),
      })}
    `;
    const notice = this._renderNotice();
    if (pre.layout !== 'floating') {
      return html`<section part="root" class="root" aria-labelledby="headline">${content}</section>${notice}`;
    }
    return html`
      ${renderLauncher({ label: strings.headline, open: this._open, onToggle: () => (this._open = !this._open) })}
      <section
        id="panel"
        part="panel"
        class="panel root"
        aria-labelledby="headline"
        ?hidden=${!this._open}
        @keydown=${this._onPanelKey}
      >
        <button type="button" part="close" class="close" aria-label=${strings.close} @click=${this._closePanel}>
          <span aria-hidden="true">×</span>
        </button>
        ${content}
      </section>
      ${notice}
    `;
  }

  private _renderNotice() {
    const flow = this._flow;
    if (!flow) return nothing;
    return html`<messenger-optin-notice
      part="notice"
      theme=${this.theme ?? 'light'}
      .notice=${flow.notice}
      .channel=${flow.meta}
      .link=${flow.link}
      .mode=${flow.mode}
      .anchor=${flow.anchor}
      .requireCheckbox=${Boolean(this._pre?.raw['requireCheckbox'])}
      .desktop=${flow.desktop}
      .phase=${flow.phase}
      .lang=${uiLocale(this._lang())}
      @notice-confirm=${this._onConfirm}
      @notice-dismiss=${this._onDismiss}
      @notice-link=${this._onLink}
    ></messenger-optin-notice>`;
  }

  /** The `lang` attribute, else the page's `<html lang>`, else English. */
  private _lang(): string {
    return this.lang || document.documentElement.lang || 'en';
  }

  private _rawFromElement(): RawConfig {
    const raw: RawConfig = {};
    for (const key of configKeys) raw[key] = key === 'lang' ? this.lang || undefined : this[key];
    return raw;
  }

  /** Pre-checks the config now (first paint) and starts the full validation beside it. */
  private _configure(): void {
    const version = ++this._configVersion;
    const json = this.querySelector(':scope > script[type="application/json"]')?.textContent ?? undefined;
    const merged = mergeConfig(this._rawFromElement(), json);
    const checked = merged.ok ? preCheck(merged.raw, channelTypes) : merged;
    if (!checked.ok) {
      this._fail('problem' in checked ? checked.problem : merged.ok ? undefined : merged.problem);
      this._validated = Promise.resolve(undefined);
      return;
    }
    this._pre = checked.config;
    this._problem = undefined;
    this._reported = '';
    this._validated = loadValidation()
      .then(({ validateConfig }) => {
        if (version !== this._configVersion) return undefined;
        const result = validateConfig(checked.config.raw);
        if (!result.ok) {
          this._fail(result.problem);
          return undefined;
        }
        if (result.config.impressions && result.config.endpoint) this._recordImpression(result.config);
        return result.config;
      })
      .catch((error: unknown) => {
        this._fail({ code: 'invalid-config', message: `the config could not be validated (${String(error)}).` });
        return undefined;
      });
  }

  /** Removes the buttons and reports once: one console error, one `optin-error` event. */
  private _fail(problem: ConfigProblem | undefined): void {
    if (!problem) return;
    this._pre = undefined;
    this._flow = undefined;
    this._problem = problem;
    const key = `${problem.code}|${problem.path ?? ''}|${problem.message}`;
    if (key === this._reported) return;
    this._reported = key;
    this._report(problem);
  }

  private _report(detail: OptinErrorDetail): void {
    console.error(`<messenger-optin> ${detail.message}`);
    this.dispatchEvent(new OptinErrorEvent(detail));
  }

  private _recordImpression(config: WidgetConfig): void {
    const first = config.channels[0];
    if (!first) return;
    void loadFlow().then(({ randomId }) =>
      this._record({ type: 'widget_shown', consentId: randomId(), channel: first.type }),
    );
  }

  /** The reporter, created on the first interaction and only with an endpoint. */
  private _getReporter(): Promise<ConsentReporter> | undefined {
    const endpoint = this._pre?.raw['endpoint'];
    if (typeof endpoint !== 'string') return undefined;
    this._reporter ??= loadReporter().then(({ startReporter }) =>
      startReporter(endpoint, (message) => this._report({ code: 'event-dropped', message })),
    );
    return this._reporter;
  }

  /** Records a consent event; resolves once it is in the reporter's outbox (or at once without endpoint). */
  private async _record(input: RecordInput): Promise<void> {
    const reporter = this._getReporter();
    if (!reporter) return;
    try {
      (await reporter).record(input as never);
    } catch (error) {
      this._report({ code: 'event-dropped', message: `a consent event could not be recorded (${String(error)}).` });
    }
  }

  /** A channel button was tapped: open its notice (or the unsubscribe dialog). */
  private async _pick(index: number, anchor: HTMLElement): Promise<void> {
    if (this._busy || this._flow) return;
    this._busy = true;
    try {
      this._getReporter();
      const [config, flowModule] = await Promise.all([this._validated, loadFlow()]);
      const channel = config?.channels[index];
      if (!config || !channel || !this.isConnected) return;
      const mode = this._withdraw ? 'withdraw' : 'consent';
      const lang = this._lang();
      const prepared = await flowModule.prepareFlow(config, channel, {
        withdraw: mode === 'withdraw',
        locale: lang,
        platform: /iPhone|iPad|iPod/.test(navigator.userAgent) ? 'ios' : 'other',
      });
      const meta = channelMeta[channel.type];
      this._flow = {
        mode,
        channel,
        meta,
        anchor,
        phase: 'notice',
        desktop: matchMedia('(hover: hover) and (pointer: fine)').matches,
        consentId: prepared.consentId,
        ref: prepared.ref,
        message: prepared.message,
        link: prepared.link,
        notice: prepared.notice,
      };
      if (mode === 'consent') {
        const { id, locale, version, sha256, text } = prepared.notice;
        void this._record({
          ...this._eventBase(this._flow),
          type: 'notice_shown',
          notice: { id, locale, version, sha256, text },
        });
        this.dispatchEvent(
          new OptinNoticeOpenEvent({
            channel: channel.type,
            consentId: prepared.consentId,
            notice: { id, version, sha256 },
          }),
        );
      }
    } catch (error) {
      this._report({
        code: 'flow-failed',
        message: `the ${String(this._pre?.channels[index]?.type ?? 'channel')} link could not be prepared (${
          error instanceof Error ? error.message : String(error)
        }).`,
      });
    } finally {
      this._busy = false;
    }
  }

  private _eventBase(flow: ActiveFlow): RecordInput {
    const purpose = this._pre?.raw['purpose'];
    return {
      consentId: flow.consentId,
      channel: flow.channel.type,
      message: flow.link.message,
      ...(flow.ref ? { ref: flow.ref } : {}),
      ...(typeof purpose === 'string' && purpose ? { purpose } : {}),
    };
  }

  private _noticeRef(flow: ActiveFlow) {
    const { id, locale, version, sha256 } = flow.notice;
    return { id, locale, version, sha256 };
  }

  private _onConfirm = async (event: CustomEvent<{ action?: string }>): Promise<void> => {
    const flow = this._flow;
    if (!flow || flow.phase !== 'notice') return;
    const action = event.detail?.action ?? 'button';
    const channel = flow.channel.type;
    const href = flow.link.href;
    if (flow.mode === 'consent') {
      const consent = new OptinConsentEvent({
        channel,
        consentId: flow.consentId,
        ref: flow.ref,
        message: flow.message,
        href,
      });
      this.dispatchEvent(consent);
      if (consent.defaultPrevented) return this._close();
      // Outbox first: the consent is recorded before the messenger opens (spec: product.md, step 3).
      await this._record({ ...this._eventBase(flow), type: 'consent_given', action, notice: this._noticeRef(flow) });
    } else {
      await this._record({
        ...this._eventBase(flow),
        type: 'withdrawal_requested',
        action,
        notice: this._noticeRef(flow),
      });
      this.dispatchEvent(new OptinWithdrawEvent({ channel, href }));
    }
    if (this._flow !== flow) return;
    if ((flow.desktop && flow.meta.desktop === 'qr') || flow.link.prefill !== 'text') {
      this._flow = { ...flow, phase: 'link' };
      return;
    }
    this._linkOpened(flow, 'navigation');
    this._close();
    this.navigate(href);
  };

  private _onLink = (event: CustomEvent<{ via?: LinkVia }>): void => {
    const flow = this._flow;
    if (flow) this._linkOpened(flow, event.detail?.via ?? 'navigation');
  };

  private _linkOpened(flow: ActiveFlow, via: LinkVia): void {
    if (flow.mode !== 'consent') return;
    void this._record({ ...this._eventBase(flow), type: 'link_opened', notice: this._noticeRef(flow) });
    this.dispatchEvent(
      new OptinLinkOpenEvent({ channel: flow.channel.type, consentId: flow.consentId, href: flow.link.href, via }),
    );
  }

  private _onDismiss = (): void => {
    const flow = this._flow;
    if (flow?.mode === 'consent') {
      void this._record({ ...this._eventBase(flow), type: 'notice_dismissed', notice: this._noticeRef(flow) });
    }
    this._close();
  };

  /** Closes the dialog and gives focus back to the channel button it opened from. */
  private _close(): void {
    const anchor = this._flow?.anchor;
    this._flow = undefined;
    void this.updateComplete.then(() => {
      if (anchor?.isConnected && !this.shadowRoot?.activeElement) anchor.focus();
    });
  }

  private _closePanel = (): void => {
    this._open = false;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('.launcher')?.focus(),
    );
  };

  private _onPanelKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && !this._flow) this._closePanel();
  };
}

const requestIdle = (callback: () => void): number =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(callback, { timeout: 3_000 }) : setTimeout(callback, 1_000);
const cancelIdle = (handle: number): void =>
  typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : clearTimeout(handle);
