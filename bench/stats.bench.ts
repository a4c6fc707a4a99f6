// Issue 7's target: the dashboard's data for 1,000,000 exchanges in < 200 ms.
// `npx tsx bench/stats.bench.ts` (part of `npm run bench`). Loading the million rows runs the
// rollups' triggers on every insert, so it also measures what the triggers cost a capture.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../src/main/app/create-app'
import { generateDemoData } from '../src/main/demo/demo-data'
import { silentLogger } from '../src/main/kernel/logger'
import type { ApiInput } from '../src/shared/api/contract'

const EXCHANGES = Number(process.env.STATS_BENCH_EXCHANGES ?? 1_000_000)
const RUNS = 30

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`
const dayStart = (daysAgo: number) => {
  const now = new Date()
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo).getTime()
}

const dir = mkdtempSync(join(tmpdir(), 'autodidacta-bench-stats-'))
const app = await createApp({ dataDir: dir, version: 'bench', logger: silentLogger, env: { OLLAMA_HOST: 'http://127.0.0.1:9' } })
try {
  const account = app.repos.accounts.ensureShopAccount('bench')
  const loadStarted = performance.now()
  let lastReport = 0
  generateDemoData(app.repos, account.id, {
    count: EXCHANGES,
    seed: 5,
    withMessages: false,
    days: 365,
    onProgress: (done, total) => {
      if (done - lastReport >= 100_000 || done === total) {
        lastReport = done
        process.stderr.write(`loading ${done.toLocaleString('en')} / ${total.toLocaleString('en')}\n`)
      }
    },
  })
  const loadMs = performance.now() - loadStarted
  const sqlite = app.repos.db.$client
  const rollupRows = (sqlite.prepare('SELECT count(*) AS n FROM training_stats_daily').get() as { n: number }).n
  const distributionRows = (sqlite.prepare('SELECT count(*) AS n FROM score_distribution_daily').get() as { n: number }).n

  // What the screen asks for: its default (last 30 days), the other presets, and filters.
  const cases: [string, ApiInput<'stats.get'>][] = [
    ['last 30 days (the screen’s default)', { includeDemo: true, from: dayStart(29) }],
    ['all time (365 days)', { includeDemo: true }],
    ['last 90 days, one category', { includeDemo: true, from: dayStart(89), category: 'consulta_precio' }],
    ['all time, one model', { includeDemo: true, model: 'autodidacta-tienda:v1' }],
  ]
  const rows: string[] = []
  for (const [label, filters] of cases) {
    const samples: number[] = []
    let bytes = 0
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now()
      const result = await app.dispatch('stats.get', filters)
      if (!result.ok) throw new Error(result.error.message)
      // The renderer receives JSON: the serialization is part of what the dashboard waits for.
      bytes = JSON.stringify(result.value).length
      samples.push(performance.now() - t)
    }
    samples.sort((a, b) => a - b)
    rows.push(`| ${label} | p50 ${ms(percentile(samples, 50))} | p99 ${ms(percentile(samples, 99))} | ${(bytes / 1024).toFixed(1)} KB | < 200 ms |`)
  }

  // The triggers' cost on the hot path: one owner re-score at a million rows.
  const ids = sqlite.prepare('SELECT id FROM training_data ORDER BY rowid DESC LIMIT 2000').all() as { id: string }[]
  const update = sqlite.prepare('UPDATE training_data SET manualScore = ?, qualityScore = ?, reviewStatus = ? WHERE id = ?')
  const updates: number[] = []
  ids.forEach(({ id }, i) => {
    const t = performance.now()
    update.run((i % 5) + 1, (i % 5) + 1, 'approved', id)
    updates.push(performance.now() - t)
  })
  updates.sort((a, b) => a - b)

  console.log(`| dashboard data (\`stats.get\`), ${EXCHANGES.toLocaleString('en')} exchanges | result | | answer size | target |`)
  console.log('|---|---|---|---|---|')
  for (const row of rows) console.log(row)
  console.log(`| an owner re-score (UPDATE with both rollups' triggers), n=${updates.length} | p50 ${ms(percentile(updates, 50))} | p99 ${ms(percentile(updates, 99))} | | |`)
  console.log(
    `\nloaded ${EXCHANGES.toLocaleString('en')} exchanges in ${(loadMs / 1000).toFixed(0)} s (${Math.round(EXCHANGES / (loadMs / 1000)).toLocaleString('en')} rows/s, triggers included); ` +
      `rollups: ${rollupRows.toLocaleString('en')} + ${distributionRows.toLocaleString('en')} rows; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  )
} finally {
  await app.close()
  rmSync(dir, { recursive: true, force: true })
}
