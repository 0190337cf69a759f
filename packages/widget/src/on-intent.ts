// Everything behind the first tap, as one lazy chunk: the full validation, the link builders, the
// notice dialog with Floating UI, and the flow; also the floating panel's light dismiss and the
// sentences of the pre-check's problems, which the first paint does without. It loads on the visitor's first sign of intent
// (pointer over or down, touch or focus on the widget), not after the first paint: most visitors
// never tap, and they should not download the flow (docs/architecture.md#loading). One chunk
// instead of three because each file is gzipped on its own (three cost 1.1 KB more in all) and
// because a phone on a slow network pays a round trip per file. Still apart, as their own chunks:
// the notice texts per locale, the reporter, the QR code and the sha256 fallback, which only some
// visitors need.
export { FollowUp } from './flow/follow-up.js';
export { describePreCheck } from './config/pre-check-sentences.js';
export { listenForLightDismiss } from './light-dismiss.js';
