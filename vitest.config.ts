import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'functions/**/*.test.ts', 'shared/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // the emulators start once per run; each test file gets its own project (see worker-env.ts)
    globalSetup: ['test/setup/global-setup.ts'],
    setupFiles: ['test/setup/worker-env.ts'],
  },
});
