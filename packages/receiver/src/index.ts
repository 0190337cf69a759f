export { createReceiver } from './app.js';
export type { ReceiverOptions } from './app.js';
