import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores here: browser tests and child-process tests are heavy, run files one pair at a time.
    maxWorkers: 2,
  },
})
