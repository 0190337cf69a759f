// Public API of @messenger-optin/sdk. Named exports only; see README.md for each.
export { encodeText } from './encode.js';
export { createConsentReporter } from './consent/reporter.js';
export type { ConsentReporter, DropReason, RecordInput, ReporterIssue, ReporterOptions } from './consent/types.js';
