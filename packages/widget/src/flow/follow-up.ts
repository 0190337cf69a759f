// What the element does after its first paint, once the flow chunk is there: the full validation,
// the intent's prefetch and warm-up, the tap, and the reporter's start without a tap. In the flow
// chunk, not in the element, because the first paint does not need it (docs/architecture.md#loading).
import type { ReactiveController } from 'lit';
import type { WidgetConfig } from '@messenger-optin/sdk';
import { keepValidChannels } from '../config/keep-valid-channels.js';
import type { CheckedChannel, ConfigProblem, PreCheckedConfig } from '../config/types.js';
import { validateConfig } from '../config/validate.js';
import { FlowController, type FlowHost } from './flow-controller.js';
import { prefetchFlow, warmFlow } from './warm-up.js';

/** The config the element painted from, and which version of its config that was. */
export interface PaintedConfig {
  pre: PreCheckedConfig;
  version: number;
  /** The site owner's index of each pre-checked channel (the pre-check may have left some out). */
  origin: readonly number[] | undefined;
}

/**
 * What the follow-up needs from `<messenger-optin>`: an adapter object the element builds, so that
 * none of this is public API on the element.
 */
export interface FollowUpHost extends FlowHost {
  readonly element: FlowHost['element'] & { readonly renderRoot: ParentNode };
  /** The config that passed the pre-check; undefined while none did. */
  painted(): PaintedConfig | undefined;
  /** The buttons follow the validated list: a button's index is its channel's in the config. */
  keep(channels: CheckedChannel[]): void;
  /** Reports a problem once per config (a channel left out). */
  reportOnce(problem: ConfigProblem): void;
  /** Removes the buttons and reports the problem once. */
  fail(problem: ConfigProblem): void;
  /** A tap is opening a notice. */
  busy(): boolean;
}

export class FollowUp implements ReactiveController {
  readonly flow: FlowController;
  /** The full validation's result for one config version. */
  private _checked: { version: number; config: WidgetConfig | undefined } | undefined;
  private _idle: number | undefined;

  constructor(private readonly _host: FollowUpHost) {
    _host.element.addController(this);
    this.flow = new FlowController(_host);
  }

  hostDisconnected(): void {
    if (this._idle !== undefined) cancelIdle(this._idle);
    this._idle = undefined;
  }

  /**
   * The full validation, once per config: undefined if it failed. A config it rejects removes the
   * buttons and is reported; a channel it rejects is left out and reported, the others stay.
   */
  validate(): WidgetConfig | undefined {
    const painted = this._host.painted();
    if (!painted) return undefined;
    if (this._checked?.version === painted.version) return this._checked.config;
    const { pre, version, origin } = painted;
    let config: WidgetConfig | undefined;
    try {
      const result = keepValidChannels(pre.raw, pre.channels, validateConfig, origin);
      if (!result.ok) this._host.fail(result.problem);
      else {
        for (const problem of result.dropped) this._host.reportOnce(problem);
        if (result.dropped.length)
          this._host.keep(result.kept.map((index) => pre.channels[index] as CheckedChannel));
        config = result.config;
      }
    } catch (error) {
      this._host.fail({
        code: 'invalid-config',
        message: `the config could not be validated (${String(error)}).`,
      });
    }
    this._checked = { version, config };
    return config;
  }

  /**
   * The visitor points at, touches or focuses the widget: validate now, so that the tap finds the
   * config checked, fetch what the notice needs, and warm the notice up while idle.
   */
  intent(): void {
    const lang = this._host.lang();
    prefetchFlow({ lang });
    const config = this.validate();
    if (!config || this._idle !== undefined) return;
    this._idle = requestIdle(() => {
      this._idle = undefined;
      const { element } = this._host;
      const anchor = element.renderRoot.querySelector<HTMLElement>('.channel');
      // Not while the visitor's own tap is opening or showing a notice.
      if (anchor && element.isConnected && !this._host.busy() && !this.flow.active)
        warmFlow(config, element.renderRoot, anchor, lang).catch(() => undefined);
    });
  }

  /** A channel button was tapped: open its notice, once the config passed the full validation. */
  async pick(index: number, anchor: HTMLElement, withdraw: boolean): Promise<void> {
    const config = this.validate();
    if (config && this._host.element.isConnected) await this.flow.open(config, index, anchor, withdraw);
  }

  /**
   * Starts the reporter without a tap, for impression events (memory-only) or to send what an
   * earlier page load left in the outbox (docs/consent-records.md); only for an endpoint the full
   * validation accepted.
   */
  resume(): void {
    const config = this.validate();
    if (!config?.endpoint || !this._host.element.isConnected) return;
    this.flow.resume(config);
    if (config.impressions) this.flow.impression(config);
  }
}

const requestIdle = (callback: () => void): number =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(callback, { timeout: 3_000 })
    : (setTimeout(callback, 1_000) as unknown as number);
const cancelIdle = (handle: number): void =>
  typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : clearTimeout(handle);
