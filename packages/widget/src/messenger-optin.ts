import { LitElement, html, nothing, type PropertyValues } from 'lit';
import {
  attributeName,
  channelNames,
  type ChannelConfig,
  type ChannelIcon,
  type ChannelType,
} from '@messenger-optin/sdk';
import { renderChannelList } from './channel-list/channel-list.js';
import { mergeConfig } from './config/merge-config.js';
import { preCheck } from './config/pre-check.js';
import { channelList, keepValidChannels } from './config/keep-valid-channels.js';
import {
  configKeys,
  type ConfigProblem,
  type PreCheckProblem,
  type PreCheckedConfig,
  type RawConfig,
} from './config/types.js';
import { OptinErrorEvent, type OptinErrorDetail } from './error-event.js';
import type * as AfterPaint from './after-paint.js';
import type * as OnIntent from './on-intent.js';
import type { FollowUp } from './flow/follow-up.js';
import { uiLocale, uiStrings } from './i18n/strings.js';
import { renderLauncher } from './launcher/launcher.js';
import { loadOnce } from './load-once.js';
import { styles } from './messenger-optin.styles.js';

// The two lazy chunks (docs/architecture.md#loading). `after-paint` (the channel icons) loads once
// the buttons are painted; `on-intent` (full validation, notice, flow: flow/follow-up.ts) on the
// visitor's first sign of intent, when the reporter must start without a tap, or to report a
// problem the pre-check found.
const loadAfterPaint = loadOnce((): Promise<typeof AfterPaint> => import('./after-paint.js'));
const loadOnIntent = loadOnce((): Promise<typeof OnIntent> => import('./on-intent.js'));
/** The first signs that a visitor may tap: the flow chunk starts loading on any of them. */
const intentEvents = ['pointerover', 'pointerdown', 'touchstart', 'focusin'] as const;
/** A tap that waits longer than this for the flow chunk marks its button busy. */
const BUSY_AFTER_MS = 300;

/**
 * @summary Lets visitors subscribe to a business over their messenger, lawfully: they read a
 * data-use notice, confirm, and then send the prefilled start message themselves.
 *
 * @csspart root - The inline layout's container.
 * @csspart headline - The headline above the buttons.
 * @csspart list - The list of channel buttons.
 * @csspart channel - Each channel button (also `channel-<type>`, e.g. `channel-whatsapp`).
 * @csspart unsubscribe - The toggle that switches the buttons to unsubscribe.
 * @csspart launcher - The floating layout's launcher button.
 * @csspart launcher-label - The launcher's visible label (shown from 600 px of viewport width; hide it with `display: none` for an icon-only launcher).
 * @csspart panel - The floating layout's panel with the channel list.
 * @csspart close - The floating panel's close button.
 * @csspart notice - The notice dialog element (its own parts: see `messenger-optin-notice`).
 *
 * @cssprop [--optin-accent=#0b57d0] - Button and accent colour (dark theme: #9ec1ff).
 * @cssprop [--optin-accent-text=#ffffff] - Text on the accent colour (dark theme: #0a1f44).
 * @cssprop [--optin-surface=transparent] - Background of the inline layout (the page shows through unless set); of the floating panel and the dialog too (there #ffffff, dark theme #1e2227).
 * @cssprop [--optin-text=inherit] - Text colour of the inline layout (the page's unless set); of the floating panel and the dialog too (there #1b1f24, dark theme #eef1f4).
 * @cssprop [--optin-muted=#4b5563] - Secondary text colour in the dialog (dark theme: #b9c0c8).
 * @cssprop [--optin-border=#8a939e] - Border colour of panel, dialog and its buttons (dark theme: #7d8792).
 * @cssprop [--optin-radius=0.5rem] - Corner radius.
 * @cssprop [--optin-font-family=inherit] - Font of the whole widget and its dialog (the page's unless set).
 * @cssprop [--optin-padding=0.75rem] - Space around the inline layout's content.
 * @cssprop [--optin-gap=0.5rem] - Space between buttons.
 * @cssprop [--optin-offset=1rem] - Distance of the floating launcher and panel from the right and bottom edges (plus the phone's safe area).
 * @cssprop [--optin-offset-bottom=var(--optin-offset)] - Distance of the floating launcher from the bottom edge, e.g. to clear a footer or a cookie bar.
 * @cssprop [--optin-z-index=2147483000] - Stacking level of the floating launcher, panel and dialog.
 * @cssprop [--optin-shadow=0 12px 32px …] - Shadow of the dialog.
 * @cssprop [--optin-backdrop=rgb(0 0 0 / 0.45)] - Backdrop behind the bottom sheet.
 *
 * @fires {OptinNoticeOpenEvent} optin-notice-open - The notice for a channel is shown. Detail `{ channel, consentId, notice: { id, version, sha256 } }`.
 * @fires {OptinConsentEvent} optin-consent - The visitor confirmed. Cancelable: `preventDefault()` stops the link from opening and no consent is recorded. Detail `{ channel, consentId, ref, message, href }`.
 * @fires {OptinLinkOpenEvent} optin-link-open - The link opened, its QR code was shown or its message copied. Detail `{ channel, consentId, href, via }`.
 * @fires {OptinWithdrawEvent} optin-withdraw - The visitor asked to unsubscribe. Detail `{ channel, href }`.
 * @fires {OptinErrorEvent} optin-error - Bad config or a run-time failure. Detail `{ code, message, path? }`.
 */
/** A JSON attribute (`processors`); text that is no JSON stays text, for the config check to name. */
const parseJson = (value: string | null): unknown => {
  try {
    return value === null ? undefined : JSON.parse(value);
  } catch {
    return value;
  }
};

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
    frequency: {},
    dpo: {},
    privacyPolicyVersion: { attribute: 'privacy-policy-version' },
    unsubscribeUrl: { attribute: 'unsubscribe-url' },
    processors: { converter: { fromAttribute: parseJson } },
    advertising: {
      converter: {
        fromAttribute: (value: string | null) =>
          value === 'false' ? false : value === 'true' || value === '' ? true : value,
      },
    },
    retentionYears: { attribute: 'retention-years', type: Number },
    unconfirmedDays: { attribute: 'unconfirmed-days', type: Number },
    minAge: { attribute: 'min-age', type: Number },
    referenceLength: { attribute: 'reference-length', type: Number },
    theme: { reflect: true },
    /** @internal */
    _problem: { state: true },
    /** @internal */
    _withdraw: { state: true },
    /** @internal */
    _open: { state: true },
    /** @internal */
    _icons: { state: true },
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
  /** How often messages come, e.g. "etwa einmal pro Woche" (shown in the notice). */
  declare frequency: string | undefined;
  /** Contact of the data protection officer (shown in the notice's Details). */
  declare dpo: string | undefined;
  /** Version of the privacy policy, e.g. "1. März 2026". */
  declare privacyPolicyVersion: string | undefined;
  /** A page with the widget for unsubscribing, linked as "Abmelden" in the notice. */
  declare unsubscribeUrl: string | undefined;
  /** The business's processors: a JSON string (the attribute) or an array (docs/notices.md). */
  declare processors: unknown;
  /** `true`: the messages advertise your products and offers; a text names what; `false`: none. @default true */
  declare advertising: boolean | string | undefined;
  /** Years the consent proof is kept after the year of withdrawal. @default 3 */
  declare retentionYears: number | undefined;
  /** Days an unconfirmed flow is kept. @default 30 */
  declare unconfirmedDays: number | undefined;
  /** Minimum age for signing up (Art. 8 GDPR). @default 16 */
  declare minAge: number | undefined;
  /** Characters of the reference code, 4 to 8. @default 6 */
  declare referenceLength: number | undefined;
  /** Colour scheme: `light`, `dark` or `auto` (follows the system). @default 'light' */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /** Follows a deep link. Replaceable for tests and for hosts that route links themselves. */
  navigate: (href: string) => void = (href) => location.assign(href);

  declare private _problem: ConfigProblem | PreCheckProblem | undefined;
  declare private _withdraw: boolean;
  declare private _open: boolean;
  /** Icons arrive with the chunk loaded after the first paint; names are there at once. */
  declare private _icons: Readonly<Record<ChannelType, ChannelIcon>> | undefined;

  private _pre: PreCheckedConfig | undefined;
  /** The config version whose intent was seen (the flow chunk is loading or loaded for it). */
  private _intent = 0;
  private _configVersion = 0;
  /** The problems reported for the current config; a new set when a config passes the pre-check. */
  private _reported = new Set<string>();
  /** The site owner's index of each pre-checked channel (the pre-check may have left some out). */
  private _origin: number[] | undefined;
  /** What follows the first paint (flow/follow-up.ts), once the flow chunk is there. */
  private _next: FollowUp | undefined;
  private _busy = false;
  private _connection: AbortController | undefined;
  /** The outside-click listener of the open panel; aborted when the panel closes or on disconnect. */
  private _outside: AbortController | undefined;
  /** Connected while the document is still parsed: configured at DOMContentLoaded. */
  private _parsing = false;

  constructor() {
    super();
    this.requireCheckbox = false;
    this.impressions = false;
    this._withdraw = false;
    this._open = false;
    // On the host, so that Esc also closes the panel while the focus is still on the launcher. Not
    // while a notice is open: the notice closes on that Esc itself.
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this._open && !this._next?.flow.active) this._closePanel();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._connection = new AbortController();
    // Upgraded while the page is still parsed (an early or async script, streamed HTML): the JSON
    // child may not be parsed yet, and attributes may be combined with it. So the config is read
    // once the document is, and nothing is shown or reported before that.
    this._parsing = document.readyState === 'loading';
    if (this._parsing)
      document.addEventListener(
        'DOMContentLoaded',
        () => {
          this._parsing = false;
          this._configure();
          this.requestUpdate();
        },
        { once: true, signal: this._connection.signal },
      );
    for (const type of intentEvents)
      this.addEventListener(type, this._onIntent, { passive: true, signal: this._connection.signal });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._connection?.abort();
    this._connection = undefined;
    this._stopOutside();
    this._open = false;
  }

  /**
   * The first render runs in a task of its own, after the one that evaluated the module and defined
   * the element (Lit's own setup and the page's other scripts are in that one): two shorter tasks
   * instead of one long one (no task over 50 ms is the goal: bench/README.md). `scheduler.yield()` puts the
   * render first in line after the yield, so the buttons still show in the next frame; without it,
   * a timer. Later updates run as Lit schedules them.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await nextTask();
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this._parsing) return;
    if (!this.hasUpdated || configKeys.some((key) => changed.has(key as keyof MessengerOptin)))
      this._configure();
  }

  protected override updated(): void {
    // Light dismiss (see light-dismiss.ts): the launcher, the panel and the notice all sit in this
    // element's tree, so composedPath() counts them as inside. Focus is left to the browser: it
    // goes where the visitor pointed, or to the page if that is not focusable (the HTML popover
    // light dismiss does not restore focus either), and does not jump back to the launcher.
    // Listening only while the panel is open; disconnecting closes it.
    // It comes with the flow chunk, which the tap that opened the panel started loading: a press
    // outside before the chunk arrived leaves the panel open; Esc and the close button work at once.
    if (!this._open) this._stopOutside();
    else if (!this._outside) {
      const { signal } = (this._outside = new AbortController());
      loadOnIntent().then(({ listenForLightDismiss }) => {
        if (!signal.aborted)
          listenForLightDismiss(
            this,
            (path) => path.includes(this),
            () => (this._open = false),
            signal,
          );
      }, ignore);
    }
  }

  private _stopOutside(): void {
    this._outside?.abort();
    this._outside = undefined;
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
        name: (type) => channelNames[type],
        icon: (type) => this._icons?.[type],
        strings,
        withdraw: this._withdraw,
        onPick: (index, button) => this._pick(index, button),
        onToggleWithdraw: () => (this._withdraw = !this._withdraw),
      })}
    `;
    const dialog = this._next?.flow.render() ?? nothing;
    if (pre.layout !== 'floating') {
      return html`<section part="root" class="root" aria-labelledby="headline">${content}</section>
        ${dialog}`;
    }
    return html`
      ${renderLauncher({ label: strings.headline, open: this._open, onToggle: () => (this._open = !this._open) })}
      <section id="panel" part="panel" class="panel root" aria-labelledby="headline" ?hidden=${!this._open}>
        <button
          type="button"
          part="close"
          class="close"
          aria-label=${strings.close}
          @click=${this._closePanel}
        >
          <span aria-hidden="true">×</span>
        </button>
        ${content}
      </section>
      ${dialog}
    `;
  }

  /** The `lang` attribute, else `"lang"` of the JSON child, else the page's `<html lang>`, else English. */
  private _lang(): string {
    const json = this._pre?.raw['lang'];
    return this.lang || (typeof json === 'string' && json) || document.documentElement.lang || 'en';
  }

  /** One console error and one `optin-error` event; nothing is thrown at the page. */
  private _report(detail: OptinErrorDetail): void {
    console.error(`<messenger-optin> ${detail.message}`);
    this.dispatchEvent(new OptinErrorEvent(detail));
  }

  /** Empty values count as unset (`lang` is '' on every element), so the JSON child fills them. */
  private _rawFromElement(): RawConfig {
    const raw: RawConfig = {};
    // Empty attributes count as unset; `advertising="false"` is a value.
    for (const key of configKeys)
      raw[key] = this[key] === false && key === 'advertising' ? false : this[key] || undefined;
    return raw;
  }

  /**
   * Pre-checks the config now, for the first paint; the full validation follows with the flow chunk
   * (flow/follow-up.ts), which must pass before any button acts.
   */
  private _configure(): void {
    const version = ++this._configVersion;
    const json = this.querySelector(':scope > script[type="application/json"]')?.textContent ?? undefined;
    const merged = mergeConfig(this._rawFromElement(), json);
    // The attribute wins over the JSON's theme, like every other field.
    if (merged.ok) this.theme ||= merged.theme as never;
    const pre = (raw: Record<string, unknown>) => preCheck(raw, Object.keys(channelNames) as ChannelType[]);
    const list = merged.ok ? channelList(merged.raw) : undefined;
    const checked = !merged.ok
      ? merged
      : list
        ? keepValidChannels({ ...merged.raw, channels: list }, list, pre)
        : { ...pre(merged.raw), kept: undefined, dropped: [] };
    if (!checked.ok) return this._fail(checked.problem);
    this._pre = checked.config;
    this._problem = undefined;
    this._reported = new Set();
    this._origin = checked.kept;
    for (const problem of checked.dropped) this._reportOnce(problem);
    // After the frame that shows the buttons: fetching and running a chunk must not delay it.
    void afterPaint()
      .then(loadAfterPaint)
      .then(async ({ channelIcons, storedOutboxExists }) => {
        this._icons = channelIcons;
        const raw = checked.config.raw;
        // The reporter starts without a tap only for impression events (memory-only) or to send
        // what an earlier page load left in the outbox (docs/consent-records.md); looking for that
        // outbox creates nothing.
        if (version !== this._configVersion || !raw['endpoint']) return;
        if (!raw['impressions'] && !(await storedOutboxExists())) return;
        const next = await this._follow();
        if (version === this._configVersion) next.resume();
      })
      // The icons stay empty boxes; the next intent loads them again. A flow chunk that cannot
      // load is reported when the visitor taps.
      .catch(() => undefined);
  }

  /**
   * What follows the first paint, from the flow chunk (flow/follow-up.ts); the icons too, if their
   * chunk failed after the paint. A chunk that cannot be loaded rejects, and the next call tries again.
   */
  private _follow(): Promise<FollowUp> {
    if (!this._icons) loadAfterPaint().then(({ channelIcons }) => (this._icons = channelIcons), ignore);
    return loadOnIntent().then(
      ({ FollowUp }) =>
        (this._next ??= new FollowUp({
          element: this,
          painted: () => this._pre && { pre: this._pre, version: this._configVersion, origin: this._origin },
          keep: (channels) => {
            if (this._pre) this._pre = { ...this._pre, channels };
            this.requestUpdate();
          },
          reportOnce: (problem) => this._reportOnce(problem),
          fail: (problem) => this._fail(problem),
          busy: () => this._busy,
          lang: () => this._lang(),
          theme: () => this.theme ?? 'light',
          navigate: (href) => this.navigate(href),
          report: (detail) => this._report(detail),
        })),
    );
  }

  /**
   * The visitor points at, touches or focuses the widget: load the flow chunk, so that the tap finds
   * it ready, and let it validate, prefetch and warm up (FollowUp.intent).
   */
  private _onIntent = (): void => {
    if (!this._pre || this._intent === this._configVersion) return;
    this._intent = this._configVersion;
    // Not reported, and not retried on every pointer move: the visitor has not asked for anything
    // yet. The tap tries again and reports what fails then.
    this._follow().then((next) => next.intent(), ignore);
  };

  /** Removes the buttons and reports once: one console error, one `optin-error` event. */
  private _fail(problem: ConfigProblem | PreCheckProblem): undefined {
    this._pre = undefined;
    this._problem = problem;
    this._reportOnce(problem);
    return undefined;
  }

  /**
   * A problem is reported once per config, however often the element re-renders or re-checks. The
   * sentence of a pre-check problem comes with the flow chunk (config/pre-check-sentences.ts), so
   * that report comes a chunk load later; it is left out if a config that passed the pre-check
   * replaced this one meanwhile. If the chunk cannot load, a shorter line still names the option.
   */
  private _reportOnce(problem: ConfigProblem | PreCheckProblem): void {
    const reported = this._reported;
    const key = `${problem.code}|${problem.path ?? ''}|${'message' in problem ? problem.message : ''}`;
    if (reported.has(key)) return;
    reported.add(key);
    if ('message' in problem) return this._report(problem);
    const { code, path } = problem;
    loadOnIntent()
      .then(({ describePreCheck }) => describePreCheck(problem))
      .catch(
        (error: unknown) =>
          `attribute "${attributeName(path)}": ${path}: is not valid (the details could not be loaded: ${String(error)})`,
      )
      .then((message) => {
        if (reported === this._reported) this._report({ code, path, message });
      });
  }

  /**
   * A channel button was tapped: once the config passed the full validation, open its notice. A
   * tap before the flow chunk arrived waits for it, its button marked busy if that takes long; a
   * chunk that cannot be loaded is reported (`flow-failed`) and the next tap tries again.
   */
  private _pick(index: number, anchor: HTMLElement): void {
    if (this._busy || this._next?.flow.active) return;
    this._busy = true;
    const withdraw = this._withdraw;
    const slow = setTimeout(() => anchor.setAttribute('aria-busy', 'true'), BUSY_AFTER_MS);
    this._follow()
      .then((next) => next.pick(index, anchor, withdraw))
      .catch((error: unknown) =>
        this._report({
          code: 'flow-failed',
          message: `the ${this._pre?.channels[index]?.type ?? 'channel'} link could not be opened (${
            error instanceof Error ? error.message : String(error)
          }).`,
        }),
      )
      .finally(() => {
        clearTimeout(slow);
        anchor.removeAttribute('aria-busy');
        this._busy = false;
      });
  }

  private _closePanel = (): void => {
    this._open = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.launcher')?.focus());
  };
}

/**
 * Resolves once the next frame is painted: requestAnimationFrame runs right before it, and a task
 * queued from there runs after it. A hidden tab paints no frames, so there it resolves at once.
 */
const afterPaint = (): Promise<void> =>
  new Promise((resolve) => {
    if (document.visibilityState === 'hidden') resolve();
    else requestAnimationFrame(() => setTimeout(resolve));
  });
/** Resolves in a later task: `scheduler.yield()` where the browser has it (Chromium), else a timer. */
const nextTask = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof scheduler?.yield === 'function'
    ? scheduler.yield()
    : new Promise((resolve) => setTimeout(resolve));
};
const ignore = (): undefined => undefined;
