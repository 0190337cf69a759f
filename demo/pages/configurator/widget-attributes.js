import { channelFields } from './channel-fields.js';

/**
 * The configurator's form values → the element's attributes, in the order a snippet lists them.
 * Pure: `values` is a plain object (from FormData), the result a list of `[name, value]` pairs where
 * `true` means a boolean attribute. Empty optional fields are left out, so the widget's defaults apply.
 */
export function widgetAttributes(values) {
  const text = (key) => (typeof values[key] === 'string' ? values[key].trim() : '');
  const attributes = [];
  const add = (name, value) => {
    if (value) attributes.push([name, value]);
  };
  add('company', text('company'));
  add('lang', text('lang'));
  if (text('layout') && text('layout') !== 'inline') add('layout', text('layout'));
  add('keyword', text('keyword'));
  add('withdraw-keyword', text('withdrawKeyword'));
  add('purpose', text('purpose'));
  add('controller', text('controller'));
  add('privacy-policy', text('privacyPolicy'));
  add('endpoint', text('endpoint'));
  if (values.requireCheckbox === 'on' || values.requireCheckbox === true)
    attributes.push(['require-checkbox', true]);
  attributes.push(['channels', JSON.stringify(channelsOf(values))]);
  return attributes;
}

/** The enabled channels, each as `{ type, <field>: value }`. */
export function channelsOf(values) {
  const channels = [];
  for (const { type, field } of channelFields) {
    const enabled = values[`${type}.enabled`];
    if (enabled !== 'on' && enabled !== true) continue;
    const value = values[`${type}.${field}`];
    channels.push({ type, [field]: typeof value === 'string' ? value.trim() : '' });
  }
  return channels;
}

/** The form values as the widget's config (the property names `checkWidgetConfig` reads). */
export function widgetConfig(values) {
  const config = {};
  for (const [name, value] of widgetAttributes(values)) {
    const key = name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
    config[key] = key === 'channels' ? JSON.parse(value) : value;
  }
  return config;
}

/**
 * The form field a config problem is about: `channels[1].phone` is the field of the second enabled
 * channel, `privacyPolicy` the field of that name. Undefined for problems no single field causes.
 */
export function fieldOfPath(path, values) {
  const channel = /^channels\[(\d+)\]/.exec(path ?? '');
  if (channel) {
    const enabled = channelFields.filter(({ type }) => values[`${type}.enabled`] === 'on');
    const field = enabled[Number(channel[1])];
    return field ? `${field.type}.${field.field}` : undefined;
  }
  const key = /^[A-Za-z]+/.exec(path ?? '')?.[0];
  return key && key in values ? key : undefined;
}
