// Everything the first paint does not need, as one lazy chunk: the full validation, the channel
// icons and link builders, the notice dialog with Floating UI, and the flow. One chunk instead of
// three because each file is gzipped on its own (three cost 1.1 KB more in all, docs/architecture.md#sizes:
// budgets the sum) and because a phone on a slow network pays a round trip per
// file. Still apart, as their own chunks: the notice texts per locale, the reporter, the QR code
// and the sha256 fallback, which only some visitors need.
export { channelMeta } from '@messenger-optin/sdk';
export { validateConfig } from './config/validate.js';
export { FlowController } from './flow/flow-controller.js';
export { prefetchFlow, warmFlow } from './flow/warm-up.js';
