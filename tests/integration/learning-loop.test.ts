import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ExchangeDto, ReviewStatus } from '../../src/shared/types'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { buildTestApp, callApi as call, eventually, type TestApp } from '../support/test-app'

async function say(app: TestApp, from: string, text: string): Promise<{ conversationId: string; messageId: string }> {
  const sent = await call(app, 'simulator.send', { from, text })
  await app.idle()
  return sent
}

async function exchanges(app: TestApp, status: ReviewStatus | 'all' = 'all'): Promise<ExchangeDto[]> {
  return (await call(app, 'review.list', { status, limit: 500 })).items
}

describe('learning loop: capture → evaluate → review → stats → dataset', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  afterEach(async () => {
    await app?.dispose()
    await ollama?.close().catch(() => {})
    app = undefined
  })

  async function start(reply: (last: string) => string = () => '¡Hola! El Curso de Piano Básico cuesta $89.000. ¿Te envío el link?') {
    ollama = await startOllamaDouble({ reply: (r) => reply(r.messages.at(-1)?.content ?? '') })
    app = await buildTestApp({ ollamaHost: ollama.url })
    // The bot quotes this price; the price guardrail lets through only what the catalog has.
    await call(app, 'catalog.save', { product: { name: 'Curso de Piano Básico', price: 89_000, keywords: ['piano'] } })
    return app
  }

  it('captures every bot reply with the customer message, history, category and model', async () => {
    const a = await start()
    await say(a, 'Ana', 'Hola, buenas')
    await say(a, 'Ana', '¿Cuánto cuesta el curso de piano?')
    const rows = await exchanges(a)
    expect(rows).toHaveLength(2)
    const priceQuestion = rows.find((r) => r.userMessage === '¿Cuánto cuesta el curso de piano?')!
    expect(priceQuestion).toMatchObject({
      botResponse: '¡Hola! El Curso de Piano Básico cuesta $89.000. ¿Te envío el link?',
      category: 'consulta_precio',
      model: 'llama3.1:8b',
      customerName: 'Ana',
      reviewStatus: 'pending',
      isDemo: false,
    })
    // The history before the question is its context, as the seed's `historial`.
    expect(priceQuestion.context).toEqual([
      { role: 'user', content: 'Hola, buenas' },
      { role: 'assistant', content: '¡Hola! El Curso de Piano Básico cuesta $89.000. ¿Te envío el link?' },
    ])
  })

  it("closes the pending exchange with the customer's next message; a refusal never scores 5", async () => {
    const a = await start()
    await say(a, 'Luis', 'Busco audífonos bluetooth')
    await say(a, 'Luis', 'no me gusta, gracias')
    const [first] = (await exchanges(a)).filter((r) => r.userMessage === 'Busco audífonos bluetooth')
    expect(first?.userFeedback).toBe('no me gusta, gracias')
    expect(first?.evaluatedAt).not.toBeNull()
    expect(first?.autoScoreSource).toBe('rules')
    expect(first?.qualityScore).toBeLessThanOrEqual(2)
    expect(first?.wasSuccessful).toBe(false)

    await say(a, 'Marta', 'Quiero el curso de inglés')
    await say(a, 'Marta', 'perfecto, me lo llevo! cómo pago?')
    const [sold] = (await exchanges(a)).filter((r) => r.userMessage === 'Quiero el curso de inglés')
    expect(sold).toMatchObject({ qualityScore: 5, wasSuccessful: true })
  })

  it('recaptures a reply whose capture was lost in a crash', async () => {
    const a = await start()
    const { conversationId } = await say(a, 'Pedro', 'Hola')
    // Simulate a crash between the reply and its capture: the row never got written.
    a.repos.db.$client.prepare('DELETE FROM training_data').run()
    const dataDir = a.dataDir
    await a.close()
    // The restarted app is given the folder, so its dispose would leave it; the first app's removes it.
    const restarted = await buildTestApp({ dataDir, ollamaHost: ollama!.url })
    const closeRestarted = restarted.dispose
    app = Object.assign(restarted, { dispose: async () => { await closeRestarted(); await a.dispose() } })
    await app.idle()
    const rows = await exchanges(app)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ conversationId, userMessage: 'Hola' })
  })

  it('counts the owner taking over as a bad answer, and a marked sale as the best one', async () => {
    const a = await start()
    const { conversationId } = await say(a, 'Sara', '¿Tienen parlantes?')
    await call(a, 'conversations.setBotMode', { conversationId, mode: 'human' })
    await a.idle()
    const [taken] = await exchanges(a)
    expect(taken).toMatchObject({ autoScore: 2, autoScoreSource: 'takeover', qualityScore: 2 })

    // With the bot paused the customer's next message is stored but not answered.
    await say(a, 'Sara', '¿Hola?')
    expect((await exchanges(a)).length).toBe(1)

    const sale = await call(a, 'review.markSale', { id: taken!.id })
    expect(sale).toMatchObject({ autoScore: 5, autoScoreSource: 'sale', wasSuccessful: true, qualityScore: 5 })
  })

  it("scores exchanges the customer never answered after the window", async () => {
    const a = await start()
    await say(a, 'Rosa', 'Hola')
    const swept = a.evaluation.sweepNoReply(new Date(Date.now() + 25 * 3_600_000))
    expect(swept).toBe(1)
    const [row] = await exchanges(a)
    expect(row).toMatchObject({ autoScore: 2, autoScoreSource: 'no_reply', wasSuccessful: false })
    expect(a.evaluation.sweepNoReply(new Date(Date.now() + 50 * 3_600_000))).toBe(0)
  })

  it('lets the owner score, approve, reject and rewrite; the manual score always wins and both stay visible', async () => {
    const a = await start()
    const texts = ['Hola', 'precio del smartwatch', 'hacen envíos a Cali?', 'gracias']
    for (const text of texts) await say(a, 'Tomás', text)
    // Pick the three exchanges the customer answered (the last one is still open).
    const listed = await exchanges(a)
    const [x, y, z] = texts.slice(0, 3).map((t) => listed.find((r) => r.userMessage === t))
    expect(await call(a, 'review.score', { ids: [x!.id], score: 1 })).toEqual({ updated: 1 })
    expect(await call(a, 'review.approve', { ids: [y!.id, z!.id] })).toEqual({ updated: 2 })
    expect(await call(a, 'review.reject', { ids: [z!.id] })).toEqual({ updated: 1 })
    const corrected = await call(a, 'review.correct', { id: y!.id, response: 'El Smartwatch S8 cuesta $149.000 con envío gratis.' })
    expect(corrected).toMatchObject({ reviewStatus: 'corrected', correctedResponse: 'El Smartwatch S8 cuesta $149.000 con envío gratis.' })
    // Approving again keeps the owner's rewrite as the target.
    await call(a, 'review.approve', { ids: [y!.id] })

    const all = await exchanges(a)
    const scored = all.find((r) => r.id === x!.id)!
    expect(scored.manualScore).toBe(1)
    expect(scored.qualityScore).toBe(1)
    expect(scored.autoScore).not.toBeNull() // the automatic score stays visible
    expect(all.find((r) => r.id === y!.id)?.reviewStatus).toBe('corrected')
    expect(all.find((r) => r.id === z!.id)?.reviewStatus).toBe('rejected')

    // A later automatic signal never overrides the owner's score.
    await call(a, 'review.markSale', { id: x!.id })
    expect((await exchanges(a)).find((r) => r.id === x!.id)).toMatchObject({ qualityScore: 1, autoScore: 5 })

    // Reviewed exchanges leave the pending queue; only the open 'gracias' one stays.
    expect((await exchanges(a, 'pending')).map((r) => r.userMessage)).toEqual(['gracias'])
    const bad = await a.dispatch('review.score', { ids: [x!.id], score: 6 })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ path: 'score' }] } })
  })

  it('puts what most needs a human first in the review queue', async () => {
    const a = await start()
    await say(a, 'Uno', 'Hola')
    await say(a, 'Uno', 'perfecto, gracias, me lo llevo')
    await say(a, 'Dos', 'Hola')
    await say(a, 'Dos', 'no entiendo nada, eso no fue lo que pregunté 😡')
    const queue = await exchanges(a, 'pending')
    const bad = queue.findIndex((r) => r.userFeedback?.includes('no entiendo'))
    const good = queue.findIndex((r) => r.userFeedback?.includes('me lo llevo'))
    expect(bad).toBeGreaterThanOrEqual(0)
    expect(good).toBeGreaterThanOrEqual(0)
    expect(bad).toBeLessThan(good)
  })

  it('learns from the owner: after enough reviews the learned scorer decides where the owner disagrees with the rules', async () => {
    const a = await start()
    await call(a, 'settings.update', { learning: { ownerClassifierMinReviews: 10 } })
    // The owner thinks a bare "ok" means the customer lost interest (score 2), the rules think 4.
    for (let i = 0; i < 14; i++) {
      await say(a, `c${i}`, 'Hola, info del curso')
      await say(a, `c${i}`, i % 2 ? 'ok' : 'okis')
    }
    const pending = (await exchanges(a)).filter((r) => r.userFeedback === 'ok' || r.userFeedback === 'okis')
    const rulesScore = pending[0]!.autoScore
    await call(a, 'review.score', { ids: pending.map((r) => r.id), score: 2 })

    await say(a, 'nuevo', 'Hola, info del curso')
    await say(a, 'nuevo', 'ok')
    const fresh = (await exchanges(a)).find((r) => r.customerName === 'nuevo' && r.userFeedback === 'ok')!
    expect(fresh.autoScoreSource).toBe('classifier')
    expect(fresh.autoScore).toBeLessThan(rulesScore!)
    expect(a.evaluation.ownerModel()).toEqual({ reviews: 14, active: true })
  })

  it('serves the seed getDatasetStats shape plus daily and per-model series, consistent with the rows', async () => {
    const a = await start()
    await say(a, 'Ana', 'precio del parlante')
    await say(a, 'Ana', 'genial, lo quiero')
    await say(a, 'Beto', 'tienen fotos del mouse?')
    await say(a, 'Beto', 'no me sirve')
    const stats = await call(a, 'stats.get', {})
    const rows = await exchanges(a)
    expect(stats.total).toBe(rows.length)
    expect(stats.highQuality).toBe(rows.filter((r) => (r.qualityScore ?? 0) >= 4).length)
    expect(stats.byCategory.reduce((n, c) => n + c.count, 0)).toBe(rows.length)
    expect(stats.daily).toHaveLength(1)
    expect(stats.daily[0]!.exchanges).toBe(rows.length)
    expect(stats.perModel).toEqual([expect.objectContaining({ model: 'llama3.1:8b', exchanges: rows.length })])
    expect(stats.reviewBacklog).toBe(rows.length)
    await call(a, 'review.approve', { ids: [rows[0]!.id] })
    expect((await call(a, 'stats.get', {})).reviewBacklog).toBe(rows.length - 1)
    expect((await call(a, 'stats.get', { category: 'consulta_precio' })).total).toBe(
      rows.filter((r) => r.category === 'consulta_precio').length,
    )
  })

  it('exports a dataset in the seed shape, and refuses an empty selection with a clear message', async () => {
    const a = await start()
    const empty = await a.dispatch('datasets.create', {})
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(empty.ok || empty.error.message).toMatch(/No hay ejemplos/)

    // Distinct answers per customer, so near-duplicate removal keeps both good ones.
    const answers: Record<string, string> = {
      Alicia: 'El curso de guitarra dura ocho semanas y cuesta $120.000.',
      Bernardo: 'Tenemos el parlante JBL Go 3 en azul y negro, con envío a todo el país.',
      Camilo: 'Sí, hacemos envíos contra entrega en Bogotá.',
    }
    ollama!.setReply((r) => answers[Object.keys(answers).find((k) => r.messages.at(-1)?.content.includes(k)) ?? ''] ?? 'Claro.')
    for (const [who, reaction] of [['Alicia', 'perfecto gracias'], ['Bernardo', 'excelente, me lo llevo'], ['Camilo', 'no me gusta']] as const) {
      await say(a, who, `Hola, quiero info del curso ${who}`)
      await say(a, who, reaction)
    }
    const dataset = await call(a, 'datasets.create', { name: 'prueba', validationRatio: 0 })
    expect(dataset).toMatchObject({ name: 'prueba', status: 'ready' })
    expect(dataset.trainCount + dataset.validationCount).toBeGreaterThanOrEqual(2)
    expect(existsSync(join(dataset.path!, 'Modelfile'))).toBe(true)
    const lines = readFileSync(join(dataset.path!, 'train.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as {
      messages: { role: string; content: string }[]
      metadata: Record<string, unknown>
    })
    for (const line of lines) {
      expect(line.messages[0]?.role).toBe('system')
      expect(line.messages.at(-1)?.role).toBe('assistant')
      expect(line.metadata).toHaveProperty('category')
      expect(line.metadata).toHaveProperty('productName')
      expect(line.metadata).toHaveProperty('qualityScore')
    }
    const listed = await call(a, 'datasets.list', {})
    // The refused attempt before it is gone: failed tries do not pile up in the list.
    expect(listed.map((d) => d.status)).toEqual(['ready'])
    // The list carries the manifest written beside the files, whole.
    expect(listed[0]?.manifest).toEqual(JSON.parse(readFileSync(join(dataset.path!, 'manifest.json'), 'utf8')))
    expect(listed[0]?.manifest).toMatchObject({ name: 'prueba', files: { train: { path: 'train.jsonl' } } })
  })
})

describe('the learning worker', () => {
  it('retries a failing write, shows it in the health, and writes it once the store recovers', async () => {
    const ollama = await startOllamaDouble()
    const app = await buildTestApp({ ollamaHost: ollama.url })
    try {
      const sqlite = app.repos.db.$client
      // A trigger stands in for a failing disk: every capture write is refused.
      sqlite.exec("CREATE TRIGGER fail_capture BEFORE INSERT ON training_data BEGIN SELECT RAISE(ABORT, 'disco lleno'); END")
      const sent = await call(app, 'simulator.send', { from: 'Ana', text: 'Hola' })
      await eventually(async () => (await call(app, 'capture.health', {})).failedAttempts > 0)
      const failing = await call(app, 'capture.health', {})
      expect(failing.pending).toBe(1)
      expect(failing.lastError).toContain('disco lleno')
      // The reply itself was not held up.
      await eventually(async () => (await call(app, 'conversations.messages', { conversationId: sent.conversationId })).length === 2)
      const messages = await call(app, 'conversations.messages', { conversationId: sent.conversationId })
      expect(messages.map((m) => m.author)).toEqual(['customer', 'bot'])

      sqlite.exec('DROP TRIGGER fail_capture')
      await eventually(async () => (await call(app, 'capture.health', {})).pending === 0, 10_000)
      expect(await exchanges(app)).toHaveLength(1)
    } finally {
      await app.dispose()
      await ollama.close()
    }
  })
})

describe('the stats rollup', () => {
  it('stays equal to a direct aggregate through inserts, updates and deletes', async () => {
    const app = await buildTestApp()
    try {
      const { generateDemoData } = await import('../../src/main/demo/demo-data')
      const account = app.repos.accounts.ensureShopAccount('x')
      generateDemoData(app.repos, account.id, { count: 300, seed: 7 })
      const sqlite = app.repos.db.$client
      sqlite.exec("UPDATE training_data SET manualScore = 1, qualityScore = 1 WHERE rowid % 7 = 0")
      sqlite.exec("UPDATE training_data SET reviewStatus = 'approved', category = 'general' WHERE rowid % 5 = 0")
      sqlite.exec('DELETE FROM training_data WHERE rowid % 11 = 0')
      const direct = sqlite
        .prepare(
          `SELECT date(createdAt / 1000, 'unixepoch', 'localtime') AS day, coalesce(category, '') AS category, coalesce(model, '') AS model,
                  coalesce(qualityScore, 0) AS qualityScore, isDemo, count(*) AS exchanges, sum(wasSuccessful IS NOT NULL) AS outcomes,
                  sum(coalesce(wasSuccessful, 0)) AS successes, sum(reviewStatus = 'pending' AND manualScore IS NULL) AS backlog
           FROM training_data GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
        )
        .all()
      const rollup = sqlite
        .prepare('SELECT day, category, model, qualityScore, isDemo, exchanges, outcomes, successes, backlog FROM training_stats_daily ORDER BY 1, 2, 3, 4, 5')
        .all()
      expect(rollup).toEqual(direct)
      expect(direct.length).toBeGreaterThan(10)
    } finally {
      await app.dispose()
    }
  })
})
