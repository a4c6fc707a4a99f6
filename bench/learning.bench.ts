// Issue 3's targets. Each section runs in its own process (`tsx bench/learning.bench.ts SECTION`)
// so peak RSS belongs to that section alone; without an argument all sections run in turn.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApp, type App } from '../src/main/app/create-app'
import { dedupe } from '../src/main/curate/near-duplicates'
import { silentLogger } from '../src/main/kernel/logger'
import { generateSyntheticCandidates } from '../tests/support/synthetic-candidates'
import { storeSyntheticExchanges } from './synthetic-store'

const here = fileURLToPath(import.meta.url)

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
const ms = (n: number) => `${n.toFixed(n < 10 ? 3 : 1)} ms`
const mb = () => `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`

async function withApp<T>(fn: (app: App) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'autodidacta-bench-'))
  const app = await createApp({ dataDir: dir, version: 'bench', logger: silentLogger, env: { OLLAMA_HOST: 'http://127.0.0.1:9' } })
  try {
    return await fn(app)
  } finally {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const sections: Record<string, () => Promise<string[]>> = {
  /**
   * Capture + evaluate of one exchange, on the learning worker, off the reply path: one at a
   * time as the app runs (the learning writes on their own connection, synchronous=NORMAL:
   * no disk sync per commit), the same with that connection at synchronous=FULL (as before
   * issue 12: one disk sync per capture), and a burst the worker batches.
   */
  async capture() {
    return withApp(async (app) => {
      const account = app.repos.accounts.ensureShopAccount('bench')
      // The learning connection is private to the services; the bench reaches in to switch its sync.
      const sqlite = (app.capture as unknown as { repos: { db: { $client: { pragma(source: string): unknown } } } }).repos.db.$client
      let seq = 0
      const exchange = () => {
        const i = seq++
        const contact = app.repos.contacts.upsert(account.id, 'simulator', `b${i % 200}`, null)
        const conversation = app.repos.conversations.ensureForContact(account.id, contact.id)
        const t = Date.now() + i * 10
        const base = { conversationId: conversation.id, kind: 'text', replyState: null, model: 'llama3.1:8b' } as const
        app.repos.messages.insertIfNew({ ...base, externalId: `q${i}`, direction: 'in', author: 'customer', text: '¿Cuánto vale el curso de piano?', status: 'received', createdAt: new Date(t) })
        const bot = app.repos.messages.insertIfNew({ ...base, externalId: `a${i}`, direction: 'out', author: 'bot', text: 'Cuesta $89.000, ¿te envío el link?', status: 'sent', createdAt: new Date(t + 1) })!
        const next = app.repos.messages.insertIfNew({ ...base, externalId: `r${i}`, direction: 'in', author: 'customer', text: 'dale, pásame el link 👍', status: 'received', createdAt: new Date(t + 2) })!
        return { bot, next }
      }
      const oneAtATime = async (n: number) => {
        const samples: number[] = []
        for (let i = 0; i < n; i++) {
          const { bot, next } = exchange()
          const started = performance.now()
          app.capture.captureReply(bot.id)
          app.evaluation.customerReplied(next.id)
          await app.idle()
          samples.push(performance.now() - started)
        }
        return samples.sort((a, b) => a - b)
      }
      const n = 2000
      const normal = await oneAtATime(n)
      sqlite.pragma('synchronous = FULL')
      const full = await oneAtATime(n)
      sqlite.pragma('synchronous = NORMAL')
      const burst = Array.from({ length: n }, exchange)
      const started = performance.now()
      for (const { bot, next } of burst) {
        app.capture.captureReply(bot.id)
        app.evaluation.customerReplied(next.id)
      }
      await app.idle()
      const perExchange = (performance.now() - started) / n
      const written = (app.repos.db.$client.prepare('SELECT count(*) AS n FROM training_data WHERE evaluatedAt IS NOT NULL').get() as { n: number }).n
      if (written !== 3 * n) throw new Error(`expected ${3 * n} exchanges, found ${written}`)
      return [
        `| capture + evaluate one exchange, one at a time (n=${n}, learning connection, synchronous=NORMAL) | p50 ${ms(percentile(normal, 50))} | p99 ${ms(percentile(normal, 99))} | target p99 < 1 ms |`,
        `| the same with the learning connection at synchronous=FULL (a disk sync each, as before) | p50 ${ms(percentile(full, 50))} | p99 ${ms(percentile(full, 99))} | |`,
        `| capture + evaluate, burst of ${n} batched by the worker | ${ms(perExchange)} per exchange | | |`,
      ]
    })
  },

  /**
   * Curation + export of 100k exchanges through the real path (SQLite → curate → files). The
   * exchanges are varied synthetic ones (demo data's few templates would collapse to a few
   * hundred after deduplication); they are loaded by a child process so the peak RSS here is
   * the export's alone.
   */
  async export() {
    const dir = mkdtempSync(join(tmpdir(), 'autodidacta-bench-'))
    try {
      const load = spawnSync(process.execPath, [...process.execArgv, here, 'load-export-fixture', dir], { stdio: ['ignore', 'ignore', 'inherit'] })
      if (load.status !== 0) throw new Error('loading the export fixture failed')
      const app = await createApp({ dataDir: dir, version: 'bench', logger: silentLogger, env: { OLLAMA_HOST: 'http://127.0.0.1:9' } })
      try {
        const rssBefore = mb()
        const started = performance.now()
        const dataset = await app.datasets.create({ includeDemo: true })
        const elapsed = performance.now() - started
        const manifest = dataset.manifest as { report?: { input?: number } } | null
        return [
          `| curate + export ${(manifest?.report?.input ?? 0).toLocaleString('en')} exchanges (${dataset.trainCount} train / ${dataset.validationCount} valid) | ${ms(elapsed)} | peak RSS ${mb()} (${rssBefore} before) | target < 5 s, < 500 MB |`,
        ]
      } finally {
        await app.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },

  /** Not a measure: fills argv[3] with 100k varied exchanges for `export`. */
  async 'load-export-fixture'() {
    const app = await createApp({ dataDir: process.argv[3]!, version: 'bench', logger: silentLogger, env: { OLLAMA_HOST: 'http://127.0.0.1:9' } })
    try {
      storeSyntheticExchanges(app, 100_000)
      return []
    } finally {
      await app.close()
    }
  },

  /** Near-duplicate removal must grow about linearly. */
  async neardup() {
    const rows: string[] = []
    for (const n of [50_000, 100_000, 200_000]) {
      const items = generateSyntheticCandidates(n, 11)
      const started = performance.now()
      const result = dedupe(items, (c) => `${c.userMessage}\n${c.response}`, { threshold: 0.85 })
      const elapsed = performance.now() - started
      rows.push(`| near-duplicates, ${n.toLocaleString('en')} examples (${result.exactDuplicates} exact, ${result.nearDuplicates} near removed) | ${ms(elapsed)} | ${(elapsed / (n / 1000)).toFixed(2)} ms per 1k |`)
    }
    return rows
  },
}

const wanted = process.argv[2]
if (wanted) {
  const section = sections[wanted]
  if (!section) throw new Error(`unknown section ${wanted}; one of ${Object.keys(sections).join(', ')}`)
  for (const row of await section()) console.log(row)
} else {
  console.log('| measure | result | | target |')
  console.log('|---|---|---|---|')
  for (const name of Object.keys(sections).filter((n) => !n.startsWith('load-'))) {
    const run = spawnSync(process.execPath, [...process.execArgv, here, name], { stdio: ['ignore', 'inherit', 'inherit'] })
    if (run.status !== 0) process.exitCode = 1
  }
}
