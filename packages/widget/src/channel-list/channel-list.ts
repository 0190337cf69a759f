import { html, nothing, type TemplateResult } from 'lit';
import type { ChannelIcon, ChannelType } from '@messenger-optin/sdk';
import type { CheckedChannel } from '../config/types.js';
import type { UiStrings } from '../i18n/strings.js';
import { channelIcon } from './channel-icon.js';

export interface ChannelListOptions {
  channels: readonly CheckedChannel[];
  name: (type: ChannelType) => string;
  /** Undefined until the chunk with the icons arrived (after the first paint); the box is reserved meanwhile. */
  icon: (type: ChannelType) => ChannelIcon | undefined;
  strings: UiStrings;
  withdraw: boolean;
  onPick: (index: number, button: HTMLElement) => void;
  onToggleWithdraw: () => void;
}

/**
 * One `<button>` per channel. Its accessible name always contains the channel's name (tests and
 * screen readers find "WhatsApp"); a site owner's `label` is shown, the name stays for assistive
 * technology if the label lacks it. The unsubscribe toggle names no channel, so a query for
 * "WhatsApp" finds exactly one button. The toggle says what it does next ("Unsubscribe", then "Back
 * to subscribing"); the headline above says which mode the list is in.
 */
export function renderChannelList(options: ChannelListOptions): TemplateResult {
  const { channels, name: nameOf, icon: iconOf, strings, withdraw, onPick, onToggleWithdraw } = options;
  return html`
    <ul part="list" class="list" role="list">
      ${channels.map((channel, index) => {
        const name = nameOf(channel.type);
        const label =
          typeof channel['label'] === 'string' && channel['label'].trim() ? channel['label'] : name;
        return html`<li>
          <button
            type="button"
            part="channel channel-${channel.type}"
            class="channel"
            data-channel=${channel.type}
            @click=${(event: Event) => onPick(index, event.currentTarget as HTMLElement)}
          >
            ${channelIcon(iconOf(channel.type))}<span>${label}${withdraw ? ` ${strings.unsubscribeVia}` : ''}</span>${label.includes(name) ? nothing : html`<span class="sr-only"> (${name})</span>`}
          </button>
        </li>`;
      })}
    </ul>
    <button type="button" part="unsubscribe" class="unsubscribe" @click=${onToggleWithdraw}>
      ${withdraw ? strings.subscribe : strings.unsubscribe}
    </button>
  `;
}
