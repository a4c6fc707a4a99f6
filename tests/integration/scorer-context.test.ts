// The EvaluationService scores a reply with its context: the bot's answer it reacts to and the
// shop's catalog. The same customer words are an order after an offer and not after a greeting.
import { afterEach, describe, expect, it } from 'vitest'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { buildTestApp, callApi as call, type TestApp } from '../support/test-app'

describe('evaluation with context', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  afterEach(async () => {
    await app?.dispose()
    await ollama?.close().catch(() => {})
    app = undefined
  })

  it('a customer naming a catalog product after an offer closes the exchange as a sale', async () => {
    ollama = await startOllamaDouble({
      reply: (r) =>
        /hola/i.test(r.messages.at(-1)?.content ?? '') ? '¡Hola! ¿En qué te puedo ayudar hoy?' : 'Tenemos Pizza Napolitana a $25.000 y Pizza Hawaiana a $27.000. ¿Cuál quieres?',
    })
    app = await buildTestApp({ ollamaHost: ollama.url })
    await call(app, 'catalog.save', { product: { name: 'Pizza Napolitana', price: 25_000, keywords: ['pizza'] } })
    await call(app, 'catalog.save', { product: { name: 'Pizza Hawaiana', price: 27_000, keywords: ['pizza'] } })

    const say = async (from: string, text: string) => {
      await call(app!, 'simulator.send', { from, text })
      await app!.idle()
    }
    await say('Ana', '¿Qué sabores tienen?')
    await say('Ana', 'la napolitana')
    await say('Luis', 'hola')
    await say('Luis', 'la napolitana')

    const rows = (await call(app, 'review.list', { status: 'all', limit: 50 })).items
    const offered = rows.find((r) => r.userMessage === '¿Qué sabores tienen?')
    const greeted = rows.find((r) => r.userMessage === 'hola')
    expect(offered).toMatchObject({ userFeedback: 'la napolitana', wasSuccessful: true, qualityScore: 5 })
    expect(greeted?.userFeedback).toBe('la napolitana')
    expect(greeted?.wasSuccessful).toBe(false)
  })
})
