import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Component tests (`src/web/**/*.test.tsx`) say `@vitest-environment jsdom` at their top.
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // TEST_WORKERS=1 when the tests share the machine with other work (CI runs them beside the browser journeys).
    maxWorkers: Number(process.env.TEST_WORKERS ?? 2),
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
