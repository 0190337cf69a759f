import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Property tests run with one seed per run, printed once: fixed by default, FC_SEED to replay or
// FC_SEED=random to explore (scripts/vitest/fast-check-seed.ts).
const fastCheckSetup = fileURLToPath(new URL('scripts/vitest/fast-check-setup.ts', import.meta.url));

// Unit tests run in Node. Anything that needs layout, focus or real storage runs in Chromium
// through Playwright (e2e/), not in a simulated DOM.
const project = (name: string) => ({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    name,
    root: `packages/${name}`,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    setupFiles: [fastCheckSetup],
  },
});

// The receiver's tests also run against a real PostgreSQL server that this setup starts (and skip
// those cases, saying why, when no PostgreSQL binaries are installed).
const receiverBase = project('receiver');
const receiverProject = {
  ...receiverBase,
  test: {
    ...receiverBase.test,
    globalSetup: ['test/postgres-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
};

export default defineConfig({
  test: {
    globalSetup: ['scripts/vitest/fast-check-global.ts'],
    projects: [project('sdk'), project('widget'), receiverProject],
    passWithNoTests: true,
  },
});
