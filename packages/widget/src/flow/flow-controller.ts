// The lazy chunk behind the first tap: the notice dialog, message and link building, notice texts,
// the consent reporter. Nothing here is on the first-paint path (docs/architecture.md#sizes).
import '../optin-notice/define-notice.js';
import { noticeStyles } from '../optin-notice/optin-notice.styles.js';
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { channelMeta, loadNoticeLocale } from '@messenger-optin/sdk';
import type {
  ChannelConfig,
  ChannelMeta,
  DeepLink,
  RecordInput,
  RenderedNotice,
  WidgetConfig,
} from '@messenger-optin/sdk';
import {
  OptinConsentEvent,
  OptinLinkOpenEvent,
  OptinNoticeOpenEvent,
  OptinWithdrawEvent,
  type LinkVia,
  type OptinErrorDetail,
} from '../events.js';
import { uiLocale } from '../i18n/strings.js';
import type { ConsentReporter } from '../reporter/start-reporter.js';
import { platformOf } from './platform.js';
import { prepareFlow } from './prepare-flow.js';
import { randomId } from './random-id.js';

/** What the controller needs from `<messenger-optin>`. */
export interface FlowHost extends ReactiveControllerHost, EventTarget {
  readonly isConnected: boolean;
  /** Language tag for notice and dialog (attribute, page, en). */
  flowLang(): string;
  flowTheme(): string;
  /** Follows a deep link (replaceable for tests). */
  navigate(href: string): void;
  /** One console error and one `optin-error` event. */
  report(detail: OptinErrorDetail): void;
}

/** One visitor's flow for one channel, from the tap until the dialog closes. */
interface ActiveFlow {
  mode: 'consent' | 'withdraw';
  config: WidgetConfig;
  channel: ChannelConfig;
  meta: ChannelMeta;
  consentId: string;
  ref: string;
  message: string;
  link: DeepLink;
  /** As archived: `{message}` and `{ref}` as placeholders. */
  notice: RenderedNotice;
  /** As shown: this visitor's message and code filled in. */
  shown: RenderedNotice;
  anchor: HTMLElement;
  phase: 'notice' | 'link';
  desktop: boolean;
}

const loadReporter = () => import('../reporter/start-reporter.js');

/**
 * Called when the browser is idle after the first paint: fetches what the first tap will need, so
 * the notice paints without waiting for the network (docs/architecture.md#sizes).
 */
export function prefetchFlow({ lang, endpoint }: { lang: string; endpoint: boolean }): void {
  const ignore = () => undefined;
  // Lit builds the dialog's stylesheet (parsing all its CSS) when the first dialog connects: do it
  // now, off the tap's critical path. Lit caches it on the CSSResult.
  void noticeStyles.styleSheet;
  loadNoticeLocale(lang).catch(ignore);
  if (endpoint) loadReporter().catch(ignore);
  // The QR code only shows on desktop (fine pointer) for channels that use it.
  if (matchMedia('(hover: hover) and (pointer: fine)').matches) import('../qr-code/qr-code.js').catch(ignore);
}

let warmed = false;

/**
 * Called once when idle, after the prefetch: renders the first channel's notice into an inert box
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

/**
 * Runs the visitor's flow (docs/architecture.md): tap → notice (`notice_shown`) → confirm →
 * `optin-consent` (cancelable) → `consent_given`, outbox first → link: navigation, or the dialog's
 * link phase (QR on desktop, copy for channels without text prefill).
 */
export class FlowController implements ReactiveController {
  private _flow: ActiveFlow | undefined;
  private _reporter: Promise<ConsentReporter> | undefined;
  private _endpoint: string | undefined;
  /** The consent given on this page per channel, so that a withdrawal names the consent it ends. */
  private readonly _given = new Map<string, string>();

  constructor(private readonly _host: FlowHost) {
    _host.addController(this);
  }

  get active(): boolean {
    return this._flow !== undefined;
  }

  hostDisconnected(): void {
    // Render without the dialog, so that re-inserting the element does not bring back a stale one.
    this._set(undefined);
    const reporter = this._reporter;
    this._reporter = undefined;
    // Pending events stay in the outbox and go out on the next page load if this flush fails.
    reporter?.then((r) => r.flush(2_000).finally(() => r.close())).catch(() => undefined);
  }

  /** A channel button was tapped: open its notice (or the unsubscribe dialog). */
  async open(config: WidgetConfig, index: number, anchor: HTMLElement, withdraw: boolean): Promise<void> {
    const channel = config.channels[index];
    if (!channel || this._flow) return;
    this._useEndpoint(config.endpoint);
    const prepared = await prepareFlow(config, channel, {
      withdraw,
      locale: this._host.flowLang(),
      platform: platformOf(navigator.userAgent, navigator.maxTouchPoints),
    });
    if (!this._host.isConnected) return;
    // A withdrawal is recorded against the consent it ends when this browser knows it (given on
    // this page, or still in the outbox); otherwise the inbound Stop completes it (docs/notices.md).
    if (withdraw) {
      const reporter = await this._reporter?.catch(() => undefined);
      const earlier = this._given.get(channel.type) ?? reporter?.consentFor(channel.type);
      if (earlier) prepared.consentId = earlier;
    }
    const flow: ActiveFlow = {
      ...prepared,
      mode: withdraw ? 'withdraw' : 'consent',
      config,
      channel,
      meta: channelMeta[channel.type],
      anchor,
      phase: 'notice',
      desktop: matchMedia('(hover: hover) and (pointer: fine)').matches,
    };
    this._set(flow);
    // The withdraw notice is archived too: withdrawal_requested names its hash.
    const { id, locale, version, sha256, text } = prepared.notice;
    void this._recordFlow(flow, 'notice_shown', { notice: { id, locale, version, sha256, text } });
    if (withdraw) return;
    this._host.dispatchEvent(
      new OptinNoticeOpenEvent({
        channel: channel.type,
        consentId: flow.consentId,
        notice: { id, version, sha256 },
      }),
    );
  }

  /** Starts the reporter for a valid config with an endpoint, which sends what an earlier visit left. */
  resume(config: WidgetConfig): void {
    this._useEndpoint(config.endpoint);
  }

  /** `widget_shown` for site owners who turned on impression events (memory-only in the reporter). */
  impression(config: WidgetConfig): void {
    const first = config.channels[0];
    if (!first) return;
    this._useEndpoint(config.endpoint);
    void this._record({ type: 'widget_shown', consentId: randomId(), channel: first.type });
  }

  render(): TemplateResult | typeof nothing {
    const flow = this._flow;
    if (!flow) return nothing;
    return html`<messenger-optin-notice
      part="notice"
      theme=${this._host.flowTheme()}
      .notice=${flow.shown}
      .channel=${flow.meta}
      .link=${flow.link}
      .mode=${flow.mode}
      .anchor=${flow.anchor}
      .requireCheckbox=${flow.notice.checkbox}
      .desktop=${flow.desktop}
      .phase=${flow.phase}
      .lang=${uiLocale(this._host.flowLang())}
      @notice-confirm=${this._onConfirm}
      @notice-dismiss=${this._onDismiss}
      @notice-link=${this._onLink}
    ></messenger-optin-notice>`;
  }

  private _set(flow: ActiveFlow | undefined): void {
    this._flow = flow;
    this._host.requestUpdate();
  }

  private _useEndpoint(endpoint: string | undefined): void {
    if (!endpoint || this._reporter) return;
    this._endpoint = endpoint;
    this._reporter = loadReporter().then(({ startReporter }) =>
      startReporter(endpoint, (message) => this._host.report({ code: 'event-dropped', message })),
    );
  }

  /** Records a consent event; resolves once it is in the reporter's outbox (at once without endpoint). */
  private async _record(input: RecordInput): Promise<void> {
    if (!this._reporter) return;
    try {
      (await this._reporter).record(input);
    } catch (error) {
      this._host.report({
        code: 'event-dropped',
        message: `a consent event for ${this._endpoint ?? 'the endpoint'} could not be recorded (${String(error)}).`,
      });
    }
  }

  /** Records an event of this flow: its common fields, then `type`, `extra` and the notice's reference. */
  private _recordFlow(
    flow: ActiveFlow,
    type: RecordInput['type'],
    extra: Partial<Pick<RecordInput, 'action' | 'notice'>> = {},
  ): Promise<void> {
    const { id, locale, version, sha256 } = flow.notice;
    return this._record({
      consentId: flow.consentId,
      channel: flow.channel.type,
      message: flow.link.message,
      ...(flow.ref ? { ref: flow.ref } : {}),
      ...(flow.config.purpose ? { purpose: flow.config.purpose } : {}),
      type,
      ...extra,
      notice: extra.notice ?? { id, locale, version, sha256 },
    });
  }

  private _onConfirm = async (event: CustomEvent<{ action?: RecordInput['action'] }>): Promise<void> => {
    const flow = this._flow;
    if (!flow || flow.phase !== 'notice') return;
    const action = event.detail?.action ?? 'button';
    const channel = flow.channel.type;
    const { href } = flow.link;
    if (flow.mode === 'consent') {
      const consent = new OptinConsentEvent({
        channel,
        consentId: flow.consentId,
        ref: flow.ref,
        message: flow.message,
        href,
      });
      this._host.dispatchEvent(consent);
      if (consent.defaultPrevented) return this._close();
      // Outbox first: consent is recorded before the messenger opens (docs/architecture.md#a-visitors-tap, step 3).
      this._given.set(channel, flow.consentId);
      await this._recordFlow(flow, 'consent_given', { action });
    } else {
      await this._recordFlow(flow, 'withdrawal_requested', { action });
      this._host.dispatchEvent(new OptinWithdrawEvent({ channel, href }));
    }
    if (this._flow !== flow) return;
    // Telegram bots need no copy step: START sends `/start <payload>` itself.
    if (
      (flow.desktop && flow.meta.desktop === 'qr') ||
      (flow.link.prefill !== 'text' && channel !== 'telegram')
    ) {
      return this._set({ ...flow, phase: 'link' });
    }
    this._linkOpened(flow, 'navigation');
    this._close();
    await this._settle();
    this._host.navigate(href);
  };

  /**
   * Before the page navigates to the messenger: a page that unloads can cut an outbox write or a
   * send still running, and then only the keepalive send on leaving is left. So the records get
   * up to 300 ms to be stored and, on a working network, delivered.
   */
  private async _settle(): Promise<void> {
    const reporter = await this._reporter?.catch(() => undefined);
    if (reporter) await Promise.race([reporter.flush(300), new Promise((done) => setTimeout(done, 300))]);
  }

  private _onLink = (event: CustomEvent<{ via?: LinkVia }>): void => {
    const flow = this._flow;
    if (flow) this._linkOpened(flow, event.detail?.via ?? 'navigation');
  };

  private _linkOpened(flow: ActiveFlow, via: LinkVia): void {
    if (flow.mode !== 'consent') return;
    void this._recordFlow(flow, 'link_opened');
    const { href } = flow.link;
    this._host.dispatchEvent(
      new OptinLinkOpenEvent({ channel: flow.channel.type, consentId: flow.consentId, href, via }),
    );
  }

  private _onDismiss = (): void => {
    const flow = this._flow;
    // Closing the dialog after consent (link phase) is not a dismissal of the notice.
    if (flow?.mode === 'consent' && flow.phase === 'notice') {
      void this._recordFlow(flow, 'notice_dismissed');
    }
    // Not _close(): the dialog gave the focus back itself, or left it where the visitor clicked.
    this._set(undefined);
  };

  /** Closes the dialog; focus goes back to the channel button it opened from. */
  private _close(): void {
    const anchor = this._flow?.anchor;
    this._set(undefined);
    void this._host.updateComplete.then(() => {
      const root = anchor?.getRootNode() as ShadowRoot | undefined;
      if (anchor?.isConnected && !root?.activeElement) anchor.focus();
    });
  }
}
