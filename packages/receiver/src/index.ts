export { createReceiver, DEFAULT_MAX_BODY_BYTES } from './app.js';
export type { InboundOptions, ReceiverOptions } from './app.js';
export { openStore } from './store/open.js';
export type { OpenStoreOptions } from './store/open.js';
export { SqlStore } from './store/sql-store.js';
export type {
  AppendResult,
  ArchivedNotice,
  ConfirmResult,
  ConsentSummary,
  EntryView,
  EraseResult,
  NewConfirmation,
  NewEvent,
  ProofBundle,
  SiteReport,
  Store,
  VerifyReport,
} from './store/types.js';
export { canonicalJson, entryHash, GENESIS_HASH } from './chain.js';
export { startServer } from './server.js';
export type { RunningServer, StartServerOptions } from './server.js';
export { jsonLogger } from './http/logger.js';
export type { Logger, LogEntry } from './http/logger.js';
export type { BucketOptions, RateLimitOptions } from './http/rate-limit.js';
export {
  generateSigningKey,
  headMessage,
  parsePublicKey,
  parseSigningKey,
  verifyHeadSignature,
} from './signing.js';
export type { HeadToSign, SigningKey } from './signing.js';
export type { SignedHead } from './store/signed-heads.js';
export { FolderLockedError } from './store/folder-lock.js';
export { headerClientKey } from './http/client-key.js';
export type { GetClientKey } from './http/client-key.js';
export { exportChunks } from './export.js';
export type { ExportFormat } from './export.js';
// Messenger webhooks (docs/inbound.md): what createReceiver({ inbound }) needs from a program of its own.
export { InboundConfigError, readSettings, resolveInboundConfig } from './inbound/config.js';
export type { InboundConfig, InboundSettings, InboundVariable } from './inbound/config.js';
export { inboundRouteVariables } from './inbound/providers.js';
export { drainOutbox, startOutboxWorker } from './inbound/outbox.js';
export type { DrainReport, OutboxOptions, OutboxWorker } from './inbound/outbox.js';
export { InboundStats } from './inbound/stats.js';
