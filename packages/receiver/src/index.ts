export { createReceiver, DEFAULT_MAX_BODY_BYTES } from './app.js';
export type { ReceiverOptions } from './app.js';
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
export type { RateLimitOptions } from './http/rate-limit.js';
export { headerClientKey } from './http/client-key.js';
export type { GetClientKey } from './http/client-key.js';
export { exportChunks } from './export.js';
export type { ExportFormat } from './export.js';
