/**
 * Test projects: `unit` (model, state, views under jsdom where needed) and `e2e`
 * (the built site in real headless Chromium, driven by playwright-core).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          environment: 'node',
          // Compiling the chapter lays it out (5–10 s on a busy machine) in the setup of the first
          // file that asks tests/helpers/chapter.ts for it, and of the CLI tests.
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One file at a time. Two at once (maxWorkers: 2) gave no gain on this 2-core machine
          // (the same 11.5 min for the first seven files, under other runs' load) and would put
          // each file's camera, transition and frame-time waits at the mercy of the other file.
          // Vitest runs such a project after every other one, so `npm test` (tests/run-all.mjs)
          // runs the unit project in a process of its own beside this one instead.
          fileParallelism: false,
        },
      },
    ],
  },
});
