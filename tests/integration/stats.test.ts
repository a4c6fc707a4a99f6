import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createRepositories } from '../../src/main/store/repositories'
import { openDatabase } from '../../src/main/store/database'
import { computeStats } from '../../src/main/stats/stats-service'
import type { NewTrainingRow } from '../../src/main/store/repositories/training-data-repository'
import { OWNER_ANSWERS_MODEL, type StatsDto } from '../../src/shared/types'
import { buildTestApp, callApi, tempDir, type TestApp } from '../support/test-app'

/** Local noon of a day of December 2026: far from midnight, so no time zone moves it. */
const day = (d: number, hour = 12) => new Date(2026, 11, d, hour)
const NOW = day(10, 15)

describe('Estadísticas aggregates on a fixture', () => {
  let app: TestApp
  let conversationA: string
  let conversationB: string

  beforeEach(async () => {
    app = await buildTestApp()
    const contactA = app.repos.contacts.upsert(app.accountId, 'simulator', 'a', 'Ana')
    const contactB = app.repos.contacts.upsert(app.accountId, 'simulator', 'b', 'Beto')
    conversationA = app.repos.conversations.ensureForContact(app.accountId, contactA.id).id
    conversationB = app.repos.conversations.ensureForContact(app.accountId, contactB.id).id
  })
  afterEach(async () => app.dispose())

  const row = (over: Partial<NewTrainingRow>): NewTrainingRow => ({
    userId: app.accountId,
    conversationId: conversationA,
    userMessage: '¿cuánto vale?',
    botResponse: 'Vale $89.000',
    category: 'consulta_precio',
    model: 'llama3.1:8b',
    createdAt: day(8),
    ...over,
  })

  /**
   * Day 8: four exchanges of the base model; day 9: three of v1; day 10: two of v1, one of
   * them demo. Owner reviews on two. Every figure below is counted by hand from this table.
   */
  function seed(): void {
    const rows: NewTrainingRow[] = [
      row({ autoScore: 5, qualityScore: 5, wasSuccessful: true }),
      row({ autoScore: 2, qualityScore: 4, manualScore: 4, reviewStatus: 'approved', wasSuccessful: false }),
      row({ autoScore: 1, qualityScore: 1, wasSuccessful: false, category: 'consulta_envio' }),
      row({ category: 'consulta_envio' }), // not scored yet
      row({ model: 'autodidacta-tienda:v1', createdAt: day(9), autoScore: 4, qualityScore: 4, wasSuccessful: true }),
      row({ model: 'autodidacta-tienda:v1', createdAt: day(9), autoScore: 5, qualityScore: 5, wasSuccessful: true, category: 'consulta_envio' }),
      row({ model: 'autodidacta-tienda:v1', createdAt: day(9), autoScore: 3, qualityScore: 2, manualScore: 2, reviewStatus: 'corrected' }),
      row({ model: 'autodidacta-tienda:v1', createdAt: day(10), autoScore: 5, qualityScore: 5, wasSuccessful: true, conversationId: conversationB }),
      row({ model: 'autodidacta-tienda:v1', createdAt: day(10), autoScore: 1, qualityScore: 1, wasSuccessful: false, isDemo: true }),
    ]
    for (const r of rows) app.repos.trainingData.insert(r)
    app.repos.modelVersions.create({ name: 'llama3.1:8b', version: 0, source: 'base', baseModel: 'llama3.1:8b', isLive: false })
    app.repos.modelVersions.create({ name: 'autodidacta-tienda:v1', version: 1, source: 'finetune', baseModel: 'llama3.1:8b', isLive: true, deployedAt: day(9, 9) })
    app.repos.conversations.recordActivity(conversationA, day(10, 9), 'hola', false)
    app.repos.conversations.recordActivity(conversationB, day(9, 9), 'hola', false)
  }

  const stats = (filters: Partial<Parameters<typeof computeStats>[1]> = {}): StatsDto =>
    computeStats({ repos: app.repos, accountId: app.accountId, settings: app.settings, now: () => NOW.getTime() }, { includeDemo: true, ...filters })

  it("keeps the seed's getDatasetStats shape: total, byCategory × score, highQuality", async () => {
    seed()
    const s = stats()
    expect(s.total).toBe(9)
    expect(s.highQuality).toBe(5)
    expect(s.byCategory).toEqual([
      { category: 'consulta_envio', qualityScore: null, count: 1 },
      { category: 'consulta_envio', qualityScore: 1, count: 1 },
      { category: 'consulta_envio', qualityScore: 5, count: 1 },
      { category: 'consulta_precio', qualityScore: 1, count: 1 },
      { category: 'consulta_precio', qualityScore: 2, count: 1 },
      { category: 'consulta_precio', qualityScore: 4, count: 2 },
      { category: 'consulta_precio', qualityScore: 5, count: 2 },
    ])
    // The same figures through the API the renderer calls.
    // The fixture has a demo exchange: asked for explicitly, as the demo mode (off here) would not.
    expect(await callApi(app, 'stats.get', { includeDemo: true })).toMatchObject({ total: 9, highQuality: 5 })
  })

  it('splits the score distribution by who scored, and counts a re-scored exchange on both sides', () => {
    seed()
    expect(stats().scoreDistribution).toEqual([
      { score: 1, auto: 2, owner: 0 },
      { score: 2, auto: 1, owner: 1 },
      { score: 3, auto: 1, owner: 0 },
      { score: 4, auto: 1, owner: 1 },
      { score: 5, auto: 3, owner: 0 },
    ])
  })

  it('gives mean score, success rate, high quality and backlog per day, and the key figures', () => {
    seed()
    app.settings.update({ llm: { model: 'autodidacta-tienda:v1' } })
    const s = stats()
    expect(s.daily).toEqual([
      // Scores 5, 4, 1 (one unscored); 1 sale in 3 known outcomes; 3 not reviewed by the owner.
      { day: '2026-12-08', exchanges: 4, meanScore: 3.33, successRate: 0.333, highQuality: 2, backlog: 3 },
      { day: '2026-12-09', exchanges: 3, meanScore: 3.67, successRate: 1, highQuality: 2, backlog: 2 },
      { day: '2026-12-10', exchanges: 2, meanScore: 3, successRate: 0.5, highQuality: 1, backlog: 2 },
    ])
    expect(s.keyFigures).toEqual({
      conversationsToday: 1,
      exchanges: 9,
      highQuality: 5,
      meanScore: 3.38, // 27 / 8 scored
      successRate: 0.571, // 4 sales of 7 known outcomes
      liveModel: { name: 'autodidacta-tienda:v1', cloud: null, version: 1, source: 'finetune', createdAt: expect.any(Number), deployedAt: day(9, 9).getTime() },
    })
    // Under the cloud policy the cloud's model is the one answering.
    app.settings.update({ llm: { policy: 'cloud' }, cloud: { label: 'Groq', model: 'llama-3.3-70b-versatile' } })
    expect(stats().keyFigures.liveModel).toMatchObject({ name: 'llama-3.3-70b-versatile', cloud: 'Groq', version: null })
    expect(s.reviewBacklog).toBe(7)
    expect(s.backlogByCategory).toEqual([
      { category: 'consulta_precio', count: 4 },
      { category: 'consulta_envio', count: 3 },
    ])
  })

  it('lists each model version in order with its live-traffic figures', () => {
    seed()
    app.settings.update({ llm: { model: 'autodidacta-tienda:v1' } })
    const perModel = stats().perModel
    expect(perModel.map((m) => [m.model, m.version, m.source, m.live, m.exchanges, m.meanScore, m.successRate, m.firstDay, m.lastDay])).toEqual([
      ['llama3.1:8b', 0, 'base', false, 4, 3.33, 0.333, '2026-12-08', '2026-12-08'],
      ['autodidacta-tienda:v1', 1, 'finetune', true, 5, 3.4, 0.75, '2026-12-09', '2026-12-10'],
    ])
  })

  it("keeps the owner's own answers out of the version comparison, on a line of their own", () => {
    seed()
    app.settings.update({ llm: { model: 'autodidacta-tienda:v1' } })
    // The owner answered twice after v1 went live: top scores that, as "the version before",
    // would make v1 look worse than the owner and advise a rollback.
    app.repos.trainingData.insert(row({ model: OWNER_ANSWERS_MODEL, createdAt: day(10), autoScore: 5, qualityScore: 5, wasSuccessful: true, reviewStatus: 'approved' }))
    app.repos.trainingData.insert(row({ model: OWNER_ANSWERS_MODEL, createdAt: day(10, 13), autoScore: 5, qualityScore: 5, wasSuccessful: false, reviewStatus: 'approved' }))
    const s = stats()
    expect(s.perModel.map((m) => m.model)).toEqual(['llama3.1:8b', 'autodidacta-tienda:v1'])
    expect(s.perModel.at(-1)).toMatchObject({ live: true, meanScore: 3.4 })
    expect(s.ownerAnswers).toEqual({ exchanges: 2, meanScore: 5, successRate: 0.5, firstDay: '2026-12-10', lastDay: '2026-12-10' })
    // Still counted in the totals and still a filter option (named apart by the screen).
    expect(s.total).toBe(11)
    expect(s.models).toContain(OWNER_ANSWERS_MODEL)
    expect(stats({ model: 'llama3.1:8b' }).ownerAnswers).toBeNull()
  })

  it('grows the high-quality curve from what came before the period, with datasets as markers', () => {
    seed()
    const s = stats({ from: day(9, 0).getTime() })
    expect(s.datasetGrowth).toEqual([
      { day: '2026-12-09', added: 2, cumulative: 4 },
      { day: '2026-12-10', added: 1, cumulative: 5 },
    ])
    expect(stats().datasetGrowth.map((g) => g.cumulative)).toEqual([2, 4, 5])
  })

  it('narrows every figure by category, model, date and demo, but keeps every model as a filter option', () => {
    seed()
    const byModel = stats({ model: 'llama3.1:8b' })
    expect(byModel.total).toBe(4)
    expect(byModel.perModel.map((m) => m.model)).toEqual(['llama3.1:8b'])
    expect(byModel.models).toEqual(['autodidacta-tienda:v1', 'llama3.1:8b'])
    expect(stats({ category: 'consulta_envio' }).scoreDistribution.map((r) => r.auto)).toEqual([1, 0, 0, 0, 1])
    expect(stats({ from: day(10, 0).getTime(), to: day(10, 23).getTime() }).total).toBe(2)
    const real = stats({ includeDemo: false })
    expect(real.total).toBe(8)
    expect(real.daily.at(-1)).toMatchObject({ day: '2026-12-10', exchanges: 1, meanScore: 5 })
  })

  it('follows re-scores, reviews and deletions of exchanges', () => {
    seed()
    const target = app.repos.db.$client.prepare("SELECT id FROM training_data WHERE autoScore = 1 AND isDemo = 0").get() as { id: string }
    app.repos.db.$client.prepare("UPDATE training_data SET manualScore = 5, qualityScore = 5, reviewStatus = 'approved' WHERE id = ?").run(target.id)
    let s = stats()
    expect(s.highQuality).toBe(6)
    expect(s.scoreDistribution[4]).toEqual({ score: 5, auto: 3, owner: 1 })
    expect(s.scoreDistribution[0]).toEqual({ score: 1, auto: 2, owner: 0 })
    expect(s.reviewBacklog).toBe(6)
    app.repos.db.$client.prepare('DELETE FROM training_data WHERE id = ?').run(target.id)
    s = stats()
    expect(s.total).toBe(8)
    expect(s.scoreDistribution[4]).toEqual({ score: 5, auto: 3, owner: 0 })
    expect(s.scoreDistribution[0]).toEqual({ score: 1, auto: 1, owner: 0 })
  })

  it('explains nothing yet when the store is empty: zeros and empty series, never an error', () => {
    const s = stats()
    expect(s).toMatchObject({ total: 0, highQuality: 0, reviewBacklog: 0, daily: [], perModel: [], datasetGrowth: [], backlogByCategory: [], models: [] })
    expect(s.keyFigures).toMatchObject({ conversationsToday: 0, exchanges: 0, meanScore: null, successRate: null })
    expect(s.scoreDistribution.every((r) => r.auto === 0 && r.owner === 0)).toBe(true)
  })
})

describe('the score distribution rollup', () => {
  const direct = `SELECT date(createdAt / 1000, 'unixepoch', 'localtime') AS day, coalesce(category, '') AS category, coalesce(model, '') AS model, isDemo, source, score, count(*) AS exchanges
    FROM (SELECT createdAt, category, model, isDemo, 'auto' AS source, autoScore AS score FROM training_data WHERE autoScore IS NOT NULL
          UNION ALL SELECT createdAt, category, model, isDemo, 'owner', manualScore FROM training_data WHERE manualScore IS NOT NULL)
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`
  const rollup = 'SELECT day, category, model, isDemo, source, score, exchanges FROM score_distribution_daily ORDER BY 1, 2, 3, 4, 5, 6'

  it('stays equal to a direct aggregate through inserts, updates and deletes', async () => {
    const app = await buildTestApp()
    try {
      const { generateDemoData } = await import('../../src/main/demo/demo-data')
      generateDemoData(app.repos, app.accountId, { count: 300, seed: 11 })
      const sqlite = app.repos.db.$client
      sqlite.exec('UPDATE training_data SET manualScore = autoScore WHERE rowid % 3 = 0') // same score on both sides
      sqlite.exec('UPDATE training_data SET manualScore = 1, autoScore = 4 WHERE rowid % 7 = 0')
      sqlite.exec("UPDATE training_data SET category = 'general', model = 'otro' WHERE rowid % 5 = 0")
      sqlite.exec('UPDATE training_data SET manualScore = NULL WHERE rowid % 13 = 0')
      sqlite.exec('UPDATE training_data SET createdAt = createdAt - 86400000 * 3 WHERE rowid % 4 = 0')
      sqlite.exec('DELETE FROM training_data WHERE rowid % 11 = 0')
      const expected = sqlite.prepare(direct).all()
      expect(sqlite.prepare(rollup).all()).toEqual(expected)
      expect(expected.length).toBeGreaterThan(20)
      expect(sqlite.prepare('SELECT count(*) AS n FROM score_distribution_daily WHERE exchanges <= 0').get()).toEqual({ n: 0 })
      expect(sqlite.prepare('SELECT count(*) AS n FROM training_stats_daily WHERE exchanges <= 0').get()).toEqual({ n: 0 })
    } finally {
      await app.dispose()
    }
  })

  it('is backfilled from the exchanges a store already had when the migration runs', () => {
    const dir = tempDir()
    try {
      // The migrations as they were before the dashboard: the journal cut after 0005.
      const before = join(dir.path, 'drizzle-before')
      cpSync(join(process.cwd(), 'drizzle'), before, { recursive: true })
      const journalPath = join(before, 'meta', '_journal.json')
      const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] }
      journal.entries = journal.entries.filter((e) => e.tag < '0006')
      writeFileSync(journalPath, JSON.stringify(journal))
      const file = join(dir.path, 'old.db')
      const old = openDatabase({ file, migrationsDir: before })
      const repos = createRepositories(old)
      const account = repos.accounts.ensureShopAccount('x')
      const contact = repos.contacts.upsert(account.id, 'simulator', 'a', 'Ana')
      const conversation = repos.conversations.ensureForContact(account.id, contact.id)
      for (const [autoScore, manualScore] of [[5, null], [2, 4], [3, 3], [null, null]] as const) {
        repos.trainingData.insert({ userId: account.id, conversationId: conversation.id, userMessage: 'hola', botResponse: 'hola', autoScore, manualScore, qualityScore: manualScore ?? autoScore, createdAt: day(3) })
      }
      expect(new Database(file).prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'score_distribution_daily'").get()).toEqual({ n: 0 })
      old.$client.close()

      const upgraded = openDatabase({ file, migrationsDir: join(process.cwd(), 'drizzle') })
      const sqlite = upgraded.$client
      expect(sqlite.prepare(rollup).all()).toEqual(sqlite.prepare(direct).all())
      expect(sqlite.prepare("SELECT source, score, exchanges FROM score_distribution_daily ORDER BY 1, 2").all()).toEqual([
        { source: 'auto', score: 2, exchanges: 1 },
        { source: 'auto', score: 3, exchanges: 1 },
        { source: 'auto', score: 5, exchanges: 1 },
        { source: 'owner', score: 3, exchanges: 1 },
        { source: 'owner', score: 4, exchanges: 1 },
      ])
      upgraded.$client.close()
    } finally {
      dir.remove()
    }
  })
})
