import { defineConfig } from 'vitest/config';

/** Firefox end-to-end tests: puppeteer-core drives firefox-esr with the e2e-mode Firefox build. */
export default defineConfig({
  test: {
    include: ['tests/e2e/firefox/**/*.spec.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
