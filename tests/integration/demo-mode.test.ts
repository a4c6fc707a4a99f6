import { afterEach, describe, expect, it } from 'vitest'
import { generateDemoData } from '../../src/main/demo/demo-data'
import { buildTestApp, callApi, type TestApp } from '../support/test-app'

// One "modo demostración" for the whole app: Revisión and Estadísticas used to count demo data
// by default while "Generar dataset" left it out, so 1,700 reviewed demo items fed nothing.
describe('demo mode: one switch for Revisión, Estadísticas and new datasets', () => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.dispose()
    app = undefined
  })

  async function withDemoData(): Promise<TestApp> {
    app = await buildTestApp()
    generateDemoData(app.repos, app.repos.accounts.ensureShopAccount('Mi tienda').id, { count: 300, seed: 7 })
    return app
  }

  it('is off on a new shop: the three screens leave demo data out alike', async () => {
    const shop = await withDemoData()
    expect((await callApi(shop, 'settings.get', {})).demoMode).toBe(false)
    expect((await callApi(shop, 'review.list', { status: 'all' })).total).toBe(0)
    expect((await callApi(shop, 'stats.get', {})).total).toBe(0)

    const refused = await shop.dispatch('datasets.create', {})
    expect(refused.ok).toBe(false)
    const message = refused.ok ? '' : refused.error.message
    // Says what to do in the app's words, never a command-line flag.
    expect(message).toContain('modo demostración')
    expect(message).not.toContain('--include-demo')
  })

  it('once on, the same demo exchanges are reviewed, counted and turned into a dataset', async () => {
    const shop = await withDemoData()
    await callApi(shop, 'settings.update', { demoMode: true })
    const reviewed = await callApi(shop, 'review.list', { status: 'all' })
    expect(reviewed.total).toBe(300)
    expect((await callApi(shop, 'stats.get', {})).total).toBe(300)
    const dataset = await callApi(shop, 'datasets.create', {})
    expect(dataset.status).toBe('ready')
    expect(dataset.trainCount).toBeGreaterThan(0)
    // A screen may still ask explicitly (the CLI's --include-demo does).
    expect((await callApi(shop, 'review.list', { status: 'all', includeDemo: false })).total).toBe(0)
  })

  it('failed attempts do not pile up in the dataset list', async () => {
    const shop = await withDemoData()
    for (let i = 0; i < 3; i++) expect((await shop.dispatch('datasets.create', {})).ok).toBe(false)
    const listed = await callApi(shop, 'datasets.list', {})
    expect(listed.filter((d) => d.status === 'failed')).toHaveLength(1)

    await callApi(shop, 'settings.update', { demoMode: true })
    const ready = await callApi(shop, 'datasets.create', {})
    expect((await callApi(shop, 'datasets.list', {})).map((d) => d.id)).toEqual([ready.id])
  })
})

// The loop's next step after reviewing: "tienes N ejemplos nuevos — generar un dataset".
describe('review.newExamples counts what a new dataset would add', () => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.dispose()
    app = undefined
  })

  it('counts the exchanges the owner kept since the last dataset, and starts again after one', async () => {
    app = await buildTestApp()
    generateDemoData(app.repos, app.repos.accounts.ensureShopAccount('Mi tienda').id, { count: 200, seed: 9 })
    await callApi(app, 'settings.update', { demoMode: true })
    // The demo data comes with a few exchanges already reviewed.
    const before = await callApi(app, 'review.newExamples', {})
    expect(before.sinceDataset).toBeNull()

    const pending = (await callApi(app, 'review.list', { status: 'pending', limit: 12 })).items.map((e) => e.id)
    await callApi(app, 'review.score', { ids: pending.slice(0, 5), score: 5 })
    await callApi(app, 'review.approve', { ids: pending.slice(5, 8) })
    await callApi(app, 'review.reject', { ids: pending.slice(8, 12) })
    await callApi(app, 'review.score', { ids: pending.slice(8, 10), score: 5 })
    // Five scored 5 by hand and three approved (curation takes those whatever their score); rejected ones never count.
    expect((await callApi(app, 'review.newExamples', {})).count).toBe(before.count + 5 + 3)

    const dataset = await callApi(app, 'datasets.create', {})
    expect(await callApi(app, 'review.newExamples', {})).toEqual({ count: 0, sinceDataset: dataset.createdAt })

    // Demo mode off: the demo exchanges reviewed next do not count as the shop's.
    await callApi(app, 'settings.update', { demoMode: false })
    await callApi(app, 'review.score', { ids: [pending[10]!], score: 5 })
    expect((await callApi(app, 'review.newExamples', {})).count).toBe(0)
  })
})
