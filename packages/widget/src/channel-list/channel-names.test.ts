import { channelMeta, channelTypes } from '@messenger-optin/sdk';
import { expect, it } from 'vitest';
import { channelNames, knownChannelTypes } from './channel-names.js';

it('names every SDK channel exactly as channelMeta does', () => {
  expect(new Set(knownChannelTypes)).toEqual(new Set(channelTypes));
  for (const type of channelTypes) expect(channelNames[type]).toBe(channelMeta[type].name);
});
