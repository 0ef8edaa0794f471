import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Browser tests, a dev server and a second Astro build share the project's .astro/ folder
    // and two cores: one test file at a time keeps them apart and their timings honest.
    fileParallelism: false,
  },
});
