// Issue 18 ("Menos nube"): what counting paid cloud calls costs. The reply path writes one row per
// cloud call (one prepared insert, fsync on, as the app's main connection runs); the dashboard
// folds the calls per day on every `stats.get`.
// `npx tsx bench/llm-calls.bench.ts` (LLM_CALLS_BENCH_ROWS, default 250,000: a year of a busy
// shop that answers everything from the cloud).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../src/main/app/create-app'
import { silentLogger } from '../src/main/kernel/logger'
import type { NewLlmCall } from '../src/main/store/repositories/llm-calls-repository'

const ROWS = Number(process.env.LLM_CALLS_BENCH_ROWS ?? 250_000)
const WRITES = 2_000
const RUNS = 30

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
const ms = (n: number) => `${n.toFixed(n < 10 ? 3 : 1)} ms`
const call = (at: number): NewLlmCall => ({
  at: new Date(at),
  route: 'cloud',
  provider: 'Groq',
  model: 'llama-3.1-8b-instant',
  purpose: 'reply',
  promptTokens: 1000,
  completionTokens: 60,
  estimated: false,
  ok: true,
})

const dir = mkdtempSync(join(tmpdir(), 'autodidacta-bench-llm-calls-'))
const app = await createApp({ dataDir: dir, version: 'bench', logger: silentLogger, env: { OLLAMA_HOST: 'http://127.0.0.1:9' } })
try {
  // What the reply path pays: one row per cloud call, each its own transaction.
  const writes: number[] = []
  for (let i = 0; i < WRITES; i++) {
    const started = performance.now()
    app.repos.llmCalls.record(call(Date.now()))
    writes.push(performance.now() - started)
  }
  writes.sort((a, b) => a - b)
  console.log(`one cloud call recorded (fsync on, n=${WRITES}): p50 ${ms(percentile(writes, 50))} p99 ${ms(percentile(writes, 99))} max ${ms(writes.at(-1)!)}`)

  const loadStarted = performance.now()
  const year = 365 * 86_400_000
  const now = Date.now()
  app.repos.transaction(() => {
    for (let i = 0; i < ROWS; i++) app.repos.llmCalls.record(call(now - Math.floor((i / ROWS) * year)))
  })
  console.log(`${ROWS.toLocaleString('en')} calls loaded in ${ms(performance.now() - loadStarted)}`)

  for (const [label, from] of [
    ['a year', now - year],
    ['30 days', now - 30 * 86_400_000],
  ] as const) {
    const times: number[] = []
    let days = 0
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now()
      days = app.repos.llmCalls.cloudPerDay({ from, includeDemo: true }).length
      times.push(performance.now() - started)
    }
    times.sort((a, b) => a - b)
    console.log(`calls per day over ${label} (${days} days, n=${RUNS}): p50 ${ms(percentile(times, 50))} p99 ${ms(percentile(times, 99))}`)
  }
  const whole: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await app.dispatch('stats.get', { includeDemo: true })
    whole.push(performance.now() - started)
  }
  whole.sort((a, b) => a - b)
  console.log(`stats.get with them, no exchanges (n=${RUNS}): p50 ${ms(percentile(whole, 50))} p99 ${ms(percentile(whole, 99))}`)
} finally {
  await app.close()
  rmSync(dir, { recursive: true, force: true })
}
