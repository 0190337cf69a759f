// Rewrites the committed notice snapshots (packages/sdk/src/notices/snapshots/*.txt) from the
// templates; review the diff like any text change (docs/notices.md, "Snapshots").
// Usage: node scripts/update-notice-snapshots.mjs
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./write-notice-snapshots.ts', import.meta.url));
execFileSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
