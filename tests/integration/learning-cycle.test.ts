import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { CycleRunDto } from '../../src/shared/types'
import type { ChatRequestBody } from '../support/ollama-double'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { buildTestApp, callApi as call, eventually, type TestApp } from '../support/test-app'

/*
 * Issue 18: the cycle that runs itself, driven by a clock the test holds. The Ollama double
 * plays the models: the live one answers vaguely; a new version answers each question with the
 * owner's own answer (so the gate prefers it) or, when the test says so, badly. The llama.cpp
 * tools are out of reach here, so a turn makes the example-based version (the prompt backend):
 * the cycle's logic is the same for every backend.
 */

const LIVE = 'llama3.1:8b'
const HOUR = 3_600_000
/** Bogotá, UTC−5: 08:00 UTC is 03:00 at the shop. */
const NIGHT = Date.UTC(2026, 11, 8, 8, 0)
const AFTERNOON = Date.UTC(2026, 11, 8, 20, 0)

describe('the learning cycle, on a clock', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  let now = AFTERNOON
  let idleSeconds: number | null = 3600
  let onMains: boolean | null = true
  let freeBytes: number | null = 100 * 1024 ** 3
  let candidateGood = true
  let forgetsPrices = false
  let hold: Promise<void> | null = null
  const answers = new Map<string, string>()

  afterEach(async () => {
    await app?.dispose()
    await ollama?.close().catch(() => {})
    app = undefined
    ollama = undefined
    answers.clear()
  })

  async function setup() {
    now = AFTERNOON
    idleSeconds = 3600
    onMains = true
    freeBytes = 100 * 1024 ** 3
    candidateGood = true
    forgetsPrices = false
    hold = null
    // The live model knows the catalog's prices; a new version answers with the owner's words.
    const priceAnswer = (question: string) => (question === '¿Cuánto cuesta Parlante Portátil 20W?' ? 'El Parlante Portátil 20W cuesta $189.000.' : null)
    ollama = await startOllamaDouble({
      reply: (request) => priceAnswer(request.messages.at(-1)?.content ?? '') ?? 'Hola, con gusto te ayudo.',
      replyFor: (model: string, request: ChatRequestBody) => {
        if (!model.startsWith('autodidacta-')) return undefined
        if (!candidateGood) return 'Mmm.'
        const question = request.messages.filter((m) => m.role === 'user').at(-1)?.content ?? ''
        return answers.get(question) ?? (forgetsPrices ? null : priceAnswer(question)) ?? 'Hola, con gusto te ayudo.'
      },
      // While the test holds it, the new version's answers wait: the turn stays in its validation.
      beforeReply: (model) => (model.startsWith('autodidacta-') ? (hold ?? undefined) : undefined),
    })
    app = await buildTestApp({
      ollamaHost: ollama.url,
      env: { OLLAMA_HOST: ollama.url, AUTODIDACTA_LLAMA_BIN: '/nonexistent', AUTODIDACTA_WHISPER_MODELS_URL: 'http://127.0.0.1:9' },
      systemProbes: { idleSeconds: () => idleSeconds, onMains: () => onMains, freeBytes: () => freeBytes },
      cycle: { clock: () => now, autoStart: false },
    })
    await call(app, 'settings.update', {
      training: { llamaBinDir: '/nonexistent' },
      businessHours: { enabled: true, timezone: 'America/Bogota' },
      cycle: { mode: 'automatic', minNewExamples: 40 },
    })
    return app
  }

  /** Exchanges of the shop's customers, answered by `model`, at `at`, scored `score` (what capture and evaluation leave). */
  function exchanges(target: TestApp, count: number, options: { model: string; at: number; score: number; success?: boolean; prefix: string; byOwner?: number }) {
    const contact = target.repos.contacts.upsert(target.accountId, 'simulator', `cliente-${options.prefix}`, `Cliente ${options.prefix}`)
    const conversation = target.repos.conversations.ensureForContact(target.accountId, contact.id, false)
    // `byOwner` more exchanges in the same stretch were answered by the owner (a takeover).
    const rows = Array.from({ length: count + (options.byOwner ?? 0) }, (_, i) => {
      const question = `¿Tienen el producto ${options.prefix}-${i} en color azul?`
      const answer = `Sí, el producto ${options.prefix}-${i} viene en azul y cuesta ${20 + i} mil pesos. ¿Te lo separo?`
      answers.set(question, answer)
      const owner = i >= count
      return {
        userId: target.accountId,
        conversationId: conversation.id,
        userMessage: question,
        botResponse: answer,
        context: [],
        category: 'consulta_producto',
        qualityScore: options.score,
        autoScore: options.score,
        wasSuccessful: options.success ?? options.score >= 4,
        model: owner ? 'dueño' : options.model,
        // The owner's answers fall between the bot's, in the same stretch.
        createdAt: new Date(options.at + (owner ? (i - count) * 1000 + 500 : i * 1000)),
        evaluatedAt: new Date(options.at + (owner ? (i - count) * 1000 + 500 : i * 1000)),
        reviewStatus: 'pending' as const,
        isDemo: false,
      }
    })
    target.repos.trainingData.insertMany(rows)
  }

  it('says why it does not run yet, condition by condition, and runs at night: dataset → training → gate → live → summary', async () => {
    const shop = await setup()
    exchanges(shop, 25, { model: LIVE, at: AFTERNOON - 48 * HOUR, score: 5, prefix: 'a' })

    let cycle = await call(shop, 'cycle.get', {})
    expect(cycle.mode).toBe('automatic')
    expect(cycle.newExamples).toBe(25)
    expect(cycle.reasonNotYet).toBe('Faltan 15 ejemplos nuevos (hay 25 de 40).')
    expect(cycle.nextRunAt).toBeNull()
    await shop.cycle.tick()
    expect(await call(shop, 'cycle.list', {})).toEqual([])

    exchanges(shop, 20, { model: LIVE, at: AFTERNOON - 47 * HOUR, score: 4, prefix: 'b' })
    cycle = await call(shop, 'cycle.get', {})
    expect(cycle.newExamples).toBe(45)
    // 3 p.m. in Bogotá: enough material, but it is daytime and the shop is open.
    expect(cycle.conditions.find((c) => c.id === 'window')).toMatchObject({ met: false })
    expect(cycle.conditions.find((c) => c.id === 'closed')).toMatchObject({ met: false, text: 'La tienda está abierta ahora según tu horario.' })
    expect(cycle.reasonNotYet).toBe('Solo entre las 23:00 y las 06:00, hora de la tienda.')
    // Next: 23:00 in Bogotá, 04:00 UTC the next day.
    expect(cycle.nextRunAt).toBe(Date.UTC(2026, 11, 9, 4, 0))
    await shop.cycle.tick()
    expect(await call(shop, 'cycle.list', {})).toEqual([])

    // 3 a.m., but someone is at the computer, then it is on battery.
    now = NIGHT
    idleSeconds = 30
    expect((await call(shop, 'cycle.get', {})).reasonNotYet).toBe('Alguien está usando el computador.')
    idleSeconds = 3600
    onMains = false
    expect((await call(shop, 'cycle.get', {})).reasonNotYet).toBe('El computador está con batería: se espera a que esté enchufado.')
    onMains = true
    // A disk too full for a dataset and a model: it waits, and says so.
    freeBytes = 512 * 1024 ** 2
    expect((await call(shop, 'cycle.get', {})).reasonNotYet).toMatch(/^Falta espacio en el disco/)
    await shop.cycle.tick()
    expect(await call(shop, 'cycle.list', {})).toEqual([])
    freeBytes = 100 * 1024 ** 3
    expect((await call(shop, 'cycle.get', {})).reasonNotYet).toBeNull()

    const summaries: CycleRunDto[] = []
    shop.events.subscribe((event, payload) => {
      if (event === 'cycle.summary') summaries.push(payload as CycleRunDto)
    })
    await shop.cycle.tick()
    await shop.cycle.idle()
    const [turn] = await call(shop, 'cycle.list', {})
    expect(turn).toMatchObject({ trigger: 'automatic', status: 'deployed', newExamples: 45, error: null })
    expect(turn!.datasetId).not.toBeNull()
    expect(turn!.trainingRunId).not.toBeNull()
    expect(turn!.version).toMatchObject({ version: 1 })
    expect(turn!.previousVersion).toMatchObject({ version: 0, name: LIVE })
    expect(turn!.details).toMatchObject({ backend: 'prompt', validation: { better: true } })
    expect(turn!.watch).toMatchObject({ status: 'watching', target: 50, seen: 0 })
    expect(shop.settings.get().llm.model).toBe(turn!.version!.name)
    expect(turn!.summary).toMatch(/^Anoche entrené la versión 1 con 45 ejemplos nuevos; responde mejor y ya está en uso\./)
    expect(summaries.map((s) => s.id)).toEqual([turn!.id])
    // The morning card until the owner reads it.
    expect((await call(shop, 'cycle.get', {})).unreadSummary?.id).toBe(turn!.id)
    await call(shop, 'cycle.markRead', { id: turn!.id })
    expect((await call(shop, 'cycle.get', {})).unreadSummary).toBeNull()

    // The same night, a second tick does nothing: one version a week at most, and the material was used.
    await shop.cycle.tick()
    const after = await call(shop, 'cycle.get', {})
    expect(after.newExamples).toBe(0)
    expect(after.conditions.find((c) => c.id === 'interval')).toMatchObject({ met: false })
    expect(await call(shop, 'cycle.list', {})).toHaveLength(1)
  }, 60_000)

  it('keeps the live version when the candidate is not better, and says so', async () => {
    const shop = await setup()
    exchanges(shop, 45, { model: LIVE, at: AFTERNOON - 48 * HOUR, score: 5, prefix: 'c' })
    candidateGood = false
    now = NIGHT
    await shop.cycle.tick()
    await shop.cycle.idle()
    const [turn] = await call(shop, 'cycle.list', {})
    expect(turn).toMatchObject({ status: 'kept', watch: null })
    expect(turn!.summary).toMatch(/^Anoche entrené la versión 1 con 45 ejemplos nuevos, pero no respondía mejor; sigue en uso la versión 0\./)
    expect(shop.settings.get().llm.model).toBe(LIVE)
  }, 60_000)

  it('watches a new version over its first customers and rolls it back when it does worse', async () => {
    const shop = await setup()
    await call(shop, 'settings.update', { cycle: { watchExchanges: 20 } })
    // The version before: good scores, sales, the owner never stepping in. (A version goes live at the
    // computer's real time, so the exchanges before it are placed before that, not before the test's clock.)
    exchanges(shop, 45, { model: LIVE, at: Date.now() - 40 * HOUR, score: 5, success: true, prefix: 'd' })
    now = NIGHT
    await shop.cycle.tick()
    await shop.cycle.idle()
    const [turn] = await call(shop, 'cycle.list', {})
    expect(turn!.status).toBe('deployed')
    const v1 = turn!.version!.name

    // Its first customers: 12 so far, poorly.
    const deployedAt = shop.repos.modelVersions.findByName(v1)!.deployedAt!.getTime()
    exchanges(shop, 12, { model: v1, at: deployedAt + HOUR, score: 2, success: false, prefix: 'e' })
    await shop.cycle.tick()
    expect((await call(shop, 'cycle.list', {}))[0]!.watch).toMatchObject({ status: 'watching', seen: 12, target: 20 })
    expect(shop.settings.get().llm.model).toBe(v1)

    // 20 reached, and the owner had to answer some of them.
    exchanges(shop, 10, { model: v1, at: deployedAt + 2 * HOUR, score: 2, success: false, prefix: 'f', byOwner: 4 })
    const summaries: CycleRunDto[] = []
    shop.events.subscribe((event, payload) => {
      if (event === 'cycle.summary') summaries.push(payload as CycleRunDto)
    })
    await shop.cycle.tick()
    const [watched] = await call(shop, 'cycle.list', {})
    expect(watched).toMatchObject({ status: 'rolled_back', watch: { status: 'rolled_back' } })
    expect(watched!.watch!.reasons.join(' ')).toContain('la nota media bajó de 5,00 a 2,00')
    expect(watched!.watch!.reasons.join(' ')).toContain('tuviste que responder tú más veces')
    expect(watched!.summary).toMatch(/^La versión 1 respondía peor con tus clientes que la 0 \(.*\): volví a la versión 0\.$/)
    expect(watched!.details).toMatchObject({ watch: { current: { exchanges: 20, meanScore: 2 }, previous: { meanScore: 5 } } })
    expect(shop.settings.get().llm.model).toBe(LIVE)
    expect(summaries).toHaveLength(1)
  }, 60_000)

  it('"suggest" mode proposes a version and one tap makes it; "Deshacer" puts the previous one back', async () => {
    const shop = await setup()
    await call(shop, 'settings.update', { cycle: { mode: 'suggest' } })
    exchanges(shop, 45, { model: LIVE, at: AFTERNOON - 48 * HOUR, score: 5, prefix: 'g' })
    now = NIGHT
    await shop.cycle.tick()
    // Suggest never trains by itself.
    expect(await call(shop, 'cycle.list', {})).toEqual([])
    expect((await call(shop, 'cycle.get', {})).suggestion).toEqual({ newExamples: 45 })

    // The owner taps in the afternoon: the owner decides the hour.
    now = AFTERNOON
    const started = await call(shop, 'cycle.runNow', {})
    expect(started).toMatchObject({ trigger: 'owner', status: 'running' })
    expect((await shop.dispatch('cycle.runNow', {})).ok).toBe(false)
    await shop.cycle.idle()
    const [turn] = await call(shop, 'cycle.list', {})
    expect(turn).toMatchObject({ status: 'deployed' })
    expect(turn!.summary).toMatch(/^Entrené la versión 1 con 45 ejemplos nuevos/)

    const undone = await call(shop, 'cycle.undo', { id: turn!.id })
    expect(undone).toMatchObject({ status: 'rolled_back', summaryRead: true })
    expect(shop.settings.get().llm.model).toBe(LIVE)
    const again = await shop.dispatch('cycle.undo', { id: turn!.id })
    expect(again.ok).toBe(false)
  }, 60_000)

  it('does not put live a version that forgot the basics (a price the live model knows), whatever the new examples say', async () => {
    const shop = await setup()
    await call(shop, 'catalog.save', { product: { name: 'Parlante Portátil 20W', price: 189_000, keywords: ['parlante'] } })
    exchanges(shop, 45, { model: LIVE, at: AFTERNOON - 48 * HOUR, score: 5, prefix: 'p' })
    forgetsPrices = true
    now = NIGHT
    await shop.cycle.tick()
    await shop.cycle.idle()
    const [turn] = await call(shop, 'cycle.list', {})
    expect(turn).toMatchObject({ status: 'kept' })
    const run = await call(shop, 'training.get', { id: turn!.trainingRunId! })
    expect(run.validation!.basics).toMatchObject({ ok: false, forgotten: ['el precio de Parlante Portátil 20W'] })
    expect(run.validation!.reasons[0]).toBe('La versión nueva olvidó lo básico de la tienda (el precio de Parlante Portátil 20W): por eso no se pone en uso.')
    // The held-out examples alone would have let it through.
    expect(run.validation!.candidate.chrf).toBeGreaterThan(run.validation!.live.chrf!)
    expect(shop.settings.get().llm.model).toBe(LIVE)
  }, 60_000)

  it('a customer who writes during a turn is answered, and a turn cut by a shutdown is recorded and not left running', async () => {
    const shop = await setup()
    exchanges(shop, 45, { model: LIVE, at: AFTERNOON - 48 * HOUR, score: 5, prefix: 'h' })
    let release = () => {}
    hold = new Promise<void>((resolve) => (release = resolve))
    now = NIGHT
    await shop.cycle.tick()
    await eventually(() => shop.training.running !== null && ollama!.chatRequests.some((r) => r.model.startsWith('autodidacta-')), 20_000)
    // The turn is validating (the new version's answers are held): a customer writes and gets the live model's answer.
    await call(shop, 'simulator.send', { from: 'Cliente nocturno', text: 'Hola, ¿siguen abiertos?' })
    await eventually(async () => {
      const list = await call(shop, 'conversations.list', {})
      const chat = list.find((c) => c.contact.displayName === 'Cliente nocturno')
      if (!chat) return false
      const messages = await call(shop, 'conversations.messages', { conversationId: chat.id })
      return messages.some((m) => m.author === 'bot' && m.model === LIVE)
    }, 20_000)
    expect(shop.training.running).not.toBeNull()
    release()
    await shop.cycle.idle()

    // A turn under way when the app stops is failed on the next start, with a reason.
    const dataDir = shop.dataDir
    const run = shop.repos.cycleRuns.create({ trigger: 'automatic', newExamples: 3, startedAt: new Date(NIGHT), previousVersionId: null })
    await shop.close()
    app = undefined
    const reopened = await buildTestApp({ dataDir, ollamaHost: ollama!.url, cycle: { clock: () => now, autoStart: false } })
    try {
      const recovered = (await call(reopened, 'cycle.list', {})).find((r) => r.id === run.id)!
      expect(recovered.status).toBe('failed')
      expect(recovered.error).toContain('La aplicación se cerró mientras aprendía')
    } finally {
      await reopened.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 60_000)
})
