// The lazy chunk behind the first tap: the notice dialog, message and link building, notice texts,
// the consent reporter. Nothing here is on the first-paint path (docs/architecture.md#sizes).
import '../optin-notice/define-notice.js';
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { channelMeta, uuid } from '@messenger-optin/sdk';
import type {
  ChannelConfig,
  ChannelMeta,
  DeepLink,
  DialogTexts,
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
import type { ConsentReporter } from '../reporter/start-reporter.js';
import { platformOf } from './platform.js';
import { prepareFlow } from './prepare-flow.js';

/**
 * What the controller needs from `<messenger-optin>`: an adapter object the element builds, so that
 * none of this is public API on the element.
 */
export interface FlowHost {
  /** The element: controller host, event target, the tree the dialog renders into. */
  readonly element: ReactiveControllerHost & HTMLElement;
  /** Language tag for notice and dialog (attribute, page, en). */
  lang(): string;
  theme(): string;
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
  /** The dialog's own texts, from the notice's locale file. */
  dialog: DialogTexts;
  anchor: HTMLElement;
  phase: 'notice' | 'link';
  desktop: boolean;
}

const loadReporter = () => import('../reporter/start-reporter.js');

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
    _host.element.addController(this);
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
      locale: this._host.lang(),
      platform: platformOf(navigator.userAgent, navigator.maxTouchPoints),
    });
    if (!this._host.element.isConnected) return;
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
    this._host.element.dispatchEvent(
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
    void this._record({ type: 'widget_shown', consentId: uuid(), channel: first.type });
  }

  render(): TemplateResult | typeof nothing {
    const flow = this._flow;
    if (!flow) return nothing;
    return html`<messenger-optin-notice
      part="notice"
      theme=${this._host.theme()}
      .notice=${flow.shown}
      .channel=${flow.meta}
      .link=${flow.link}
      .reference=${flow.ref}
      .mode=${flow.mode}
      .anchor=${flow.anchor}
      .requireCheckbox=${flow.notice.checkbox}
      .desktop=${flow.desktop}
      .phase=${flow.phase}
      .texts=${flow.dialog}
      .lang=${flow.notice.locale}
      @notice-confirm=${this._onConfirm}
      @notice-dismiss=${this._onDismiss}
      @notice-link=${this._onLink}
    ></messenger-optin-notice>`;
  }

  private _set(flow: ActiveFlow | undefined): void {
    this._flow = flow;
    this._host.element.requestUpdate();
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
      this._host.element.dispatchEvent(consent);
      if (consent.defaultPrevented) return this._close();
      // Outbox first: consent is recorded before the messenger opens (docs/architecture.md#a-visitors-tap, step 3).
      this._given.set(channel, flow.consentId);
      await this._recordFlow(flow, 'consent_given', { action });
    } else {
      await this._recordFlow(flow, 'withdrawal_requested', { action });
      this._host.element.dispatchEvent(new OptinWithdrawEvent({ channel, href }));
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
    this._host.element.dispatchEvent(
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
    void this._host.element.updateComplete.then(() => {
      const root = anchor?.getRootNode() as ShadowRoot | undefined;
      if (anchor?.isConnected && !root?.activeElement) anchor.focus();
    });
  }
}
