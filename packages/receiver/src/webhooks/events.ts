/** The webhook event types (docs/console.md#webhooks); endpoints subscribe to some of them. */
export const webhookEventTypes = [
  'subscriber.confirmed',
  'subscriber.withdrawn',
  'rights.requested',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];
