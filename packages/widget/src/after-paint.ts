// What every visitor loads right after the first paint, because the buttons show it without any
// interaction: the channel icons (their boxes are reserved, so nothing shifts when they arrive).
// Beside them the look for an outbox an earlier page load left, a few bytes that decide whether the
// reporter must start without a tap (docs/architecture.md#loading).
export { channelIcons, storedOutboxExists } from '@messenger-optin/sdk';
