import { defineConfig } from 'vitest/config'

// Files that run the real llama.cpp trainer. Each one wants every core; two at once on a
// 2-core CI machine slowed each other past their timeouts, so they run after the rest, one by one.
const realTraining = [
  'tests/integration/llamacpp-finetune.test.ts',
  'tests/integration/train-validate-deploy.test.ts',
  'tests/integration/learning-cli.test.ts',
  'tests/e2e/learning-loop.test.ts',
]

// expect.poll's own default (1 s) is shorter than a page load on a busy 2-core machine: a first
// read after `goto` failed CI with the page still empty. A poll that passes returns at once.
const shared = { testTimeout: 30_000, hookTimeout: 60_000, pool: 'forks' as const, expect: { poll: { timeout: 10_000 } } }

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'suite',
          include: ['tests/**/*.test.ts'],
          exclude: realTraining,
          // Two cores here: browser tests and child-process tests are heavy, run files one pair at a time.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...shared,
          name: 'training',
          include: realTraining,
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
