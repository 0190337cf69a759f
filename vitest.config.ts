import { defineConfig } from 'vitest/config';

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
  },
});

export default defineConfig({
  test: {
    projects: [project('sdk'), project('widget'), project('receiver')],
    passWithNoTests: true,
  },
});
