import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mondayOf } from '../../src/main/stats/cloud-usage'
import { computeStats } from '../../src/main/stats/stats-service'
import type { NewLlmCall } from '../../src/main/store/repositories/llm-calls-repository'
import type { NewTrainingRow } from '../../src/main/store/repositories/training-data-repository'
import { OWNER_ANSWERS_MODEL, type StatsDto } from '../../src/shared/types'
import { buildTestApp, callApi as call, type TestApp } from '../support/test-app'

/** Local noon of a day of 2026 (month 1–12): far from midnight, so no time zone moves it. */
const day = (month: number, d: number, hour = 12) => new Date(2026, month - 1, d, hour)
const CLOUD = 'cloud:llama-3.1-8b-instant'

describe('"Menos nube": the weekly figures, on a real SQLite file', () => {
  let app: TestApp

  beforeEach(async () => {
    app = await buildTestApp()
  })
  afterEach(async () => app.dispose())

  /**
   * Week of Mon 16 Nov: 3 local + 3 cloud answers, 3 paid calls of 1,000 + 50 tokens and one
   * refused call. Week of 23 Nov: nothing but v1 going live. Week of 30 Nov: 9 local (v1) + 1
   * cloud answer (its call's tokens estimated), one answer the owner wrote, and demo rows.
   */
  function seed(): void {
    const contact = app.repos.contacts.upsert(app.accountId, 'simulator', 'a', 'Ana')
    const conversationId = app.repos.conversations.ensureForContact(app.accountId, contact.id).id
    const row = (model: string, createdAt: Date, isDemo = false): NewTrainingRow => ({
      userId: app.accountId,
      conversationId,
      userMessage: '¿cuánto vale?',
      botResponse: 'Vale $89.000',
      model,
      createdAt,
      isDemo,
    })
    const rows: NewTrainingRow[] = [
      ...[1, 2, 3].map(() => row('llama3.1:8b', day(11, 17))),
      ...[1, 2, 3].map(() => row(CLOUD, day(11, 18))),
      ...Array.from({ length: 9 }, () => row('autodidacta-tienda:v1', day(12, 1))),
      row(CLOUD, day(12, 2)),
      row(OWNER_ANSWERS_MODEL, day(12, 2)),
      row(CLOUD, day(12, 3), true),
      row(CLOUD, day(12, 3), true),
    ]
    app.repos.trainingData.insertMany(rows)
    const paid = (at: Date, over: Partial<NewLlmCall> = {}): NewLlmCall => ({
      at,
      route: 'cloud',
      provider: 'Groq',
      model: 'llama-3.1-8b-instant',
      purpose: 'reply',
      promptTokens: 1000,
      completionTokens: 50,
      estimated: false,
      ok: true,
      ...over,
    })
    for (const call of [
      paid(day(11, 18)),
      paid(day(11, 18)),
      paid(day(11, 19), { purpose: 'suggest' }),
      paid(day(11, 19), { ok: false, promptTokens: 0, completionTokens: 0 }),
      paid(day(12, 2), { promptTokens: 1200, completionTokens: 40, estimated: true }),
      paid(day(12, 3), { isDemo: true, promptTokens: 999_999 }),
    ]) {
      app.repos.llmCalls.record(call)
    }
    app.repos.modelVersions.create({ name: 'llama3.1:8b', version: 0, source: 'base', baseModel: 'llama3.1:8b', isLive: false })
    app.repos.modelVersions.create({ name: 'autodidacta-tienda:v1', version: 1, source: 'finetune', baseModel: 'llama3.1:8b', isLive: true, deployedAt: day(11, 25, 21) })
  }

  const stats = (filters: Partial<Parameters<typeof computeStats>[1]> = {}): StatsDto =>
    computeStats({ repos: app.repos, accountId: app.accountId, settings: app.settings }, { includeDemo: false, ...filters })

  it('per week: who answered, the paid calls and their tokens, the versions that went live, no cost without prices', () => {
    seed()
    const { weeks, priced } = stats().cloudUsage
    expect(priced).toBe(false)
    expect(weeks.map((w) => [w.week, w.localAnswers, w.cloudAnswers, w.cloudShare, w.cloudCalls, w.failedCalls, w.promptTokens, w.completionTokens, w.estimated, w.costUsd])).toEqual([
      ['2026-11-16', 3, 3, 0.5, 4, 1, 3000, 150, false, null],
      // A quiet week stays on the axis: the version went live in it.
      ['2026-11-23', 0, 0, null, 0, 0, 0, 0, false, null],
      // The owner's own answer is neither the shop's model nor the cloud.
      ['2026-11-30', 9, 1, 0.1, 1, 0, 1200, 40, true, null],
    ])
    expect(weeks.map((w) => w.versions.map((v) => [v.name, v.version]))).toEqual([[], [['autodidacta-tienda:v1', 1]], []])
  })

  it('costs the tokens at the prices set in Ajustes → Nube (US$ per million, input and output apart)', async () => {
    seed()
    await call(app, 'settings.update', { cloud: { priceInputPerMillion: 0.05, priceOutputPerMillion: 0.08 } })
    const { weeks, priced } = stats().cloudUsage
    expect(priced).toBe(true)
    expect(weeks[0]!.costUsd).toBeCloseTo((3000 * 0.05 + 150 * 0.08) / 1_000_000, 12)
    expect(weeks[1]!.costUsd).toBe(0)
    expect(weeks[2]!.costUsd).toBeCloseTo((1200 * 0.05 + 40 * 0.08) / 1_000_000, 12)
    // One price alone is not a cost: the other is not known.
    await call(app, 'settings.update', { cloud: { priceOutputPerMillion: null } })
    expect(stats().cloudUsage).toMatchObject({ priced: false, weeks: [{ costUsd: null }, { costUsd: null }, { costUsd: null }] })
  })

  it('follows the demo switch and the date filter', () => {
    seed()
    const demo = stats({ includeDemo: true }).cloudUsage.weeks.at(-1)!
    expect([demo.cloudAnswers, demo.cloudCalls, demo.promptTokens]).toEqual([3, 2, 1200 + 999_999])
    const lastWeek = stats({ from: day(11, 30, 0).getTime() }).cloudUsage.weeks
    expect(lastWeek.map((w) => w.week)).toEqual(['2026-11-30'])
    expect(stats({ from: day(1, 1).getTime(), to: day(1, 2).getTime() }).cloudUsage.weeks).toEqual([])
  })

  it('weeks start on Monday, across months and years', () => {
    expect(mondayOf('2026-12-06')).toBe('2026-11-30')
    expect(mondayOf('2026-11-30')).toBe('2026-11-30')
    expect(mondayOf('2027-01-01')).toBe('2026-12-28')
  })
})

describe('the cloud prices in Ajustes → Nube', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await buildTestApp()
  })
  afterEach(async () => app.dispose())

  it('stores US$ per million tokens, and refuses what is not a price in plain Spanish', async () => {
    expect((await call(app, 'settings.get', {})).cloud).toMatchObject({ priceInputPerMillion: null, priceOutputPerMillion: null })
    const saved = await call(app, 'settings.update', { cloud: { priceInputPerMillion: 0.59, priceOutputPerMillion: 0.79 } })
    expect(saved.cloud).toMatchObject({ priceInputPerMillion: 0.59, priceOutputPerMillion: 0.79 })

    const refused = async (patch: Record<string, unknown>) => {
      const result = await app.dispatch('settings.update', { cloud: patch } as never)
      expect(result.ok).toBe(false)
      return result.ok ? [] : (result.error.fields ?? []).map((f) => [f.path, f.message])
    }
    expect(await refused({ priceInputPerMillion: -1 })).toEqual([['cloud.priceInputPerMillion', 'Debe ser 0 o más.']])
    expect(await refused({ priceOutputPerMillion: 5000 })).toEqual([['cloud.priceOutputPerMillion', 'Debe ser 1.000 o menos.']])
    expect(await refused({ priceOutputPerMillion: '0,79' })).toEqual([['cloud.priceOutputPerMillion', 'Debe ser un número.']])
    // Nothing refused was stored; clearing a price is allowed.
    expect((await call(app, 'settings.get', {})).cloud).toMatchObject({ priceInputPerMillion: 0.59, priceOutputPerMillion: 0.79 })
    expect((await call(app, 'settings.update', { cloud: { priceInputPerMillion: null } })).cloud.priceInputPerMillion).toBeNull()
  })
})
