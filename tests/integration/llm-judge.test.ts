// The optional LLM judge inside a whole app: it re-scores an exchange with the shop's own model
// only while no customer waits, and gives the model back the moment a customer writes.
import { afterEach, describe, expect, it } from 'vitest'
import type { ExchangeDto } from '../../src/shared/types'
import { startOllamaDouble, type ChatRequestBody, type OllamaDouble } from '../support/ollama-double'
import { buildTestApp, callApi as call, eventually, type TestApp } from '../support/test-app'

const isJudge = (request: ChatRequestBody) => String(request.messages[0]?.content ?? '').startsWith('Evalúas respuestas')

describe('the LLM judge', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  afterEach(async () => {
    await app?.dispose()
    await ollama?.close().catch(() => {})
    app = ollama = undefined
  })

  const exchanges = async (a: TestApp): Promise<ExchangeDto[]> => (await call(a, 'review.list', { status: 'all', limit: 50 })).items

  it('re-scores an exchange when the shop is quiet, stops for a customer who writes, and finishes after', async () => {
    const held: { release: (() => void) | null } = { release: null }
    let holdJudge = true
    ollama = await startOllamaDouble({
      reply: (r) => (isJudge(r) ? '5' : '¡Claro! El parlante cuesta $180.000.'),
      beforeReply: (_model, request) => {
        if (!isJudge(request) || !holdJudge) return
        return new Promise<void>((resolve) => (held.release = resolve))
      },
    })
    app = await buildTestApp({ ollamaHost: ollama.url, judgeRetryMs: 20 })
    await call(app, 'settings.update', { learning: { llmJudge: true } })
    await call(app, 'catalog.save', { product: { name: 'Parlante Portátil 20W', price: 180_000 } })

    await call(app, 'simulator.send', { from: 'Ana', text: '¿Cuánto vale el parlante?' })
    await app.idle()
    // Her reaction closes the first exchange: the rules score it, the judge is asked when the shop is quiet.
    await call(app, 'simulator.send', { from: 'Ana', text: 'ok, lo pienso' })
    await eventually(() => ollama!.chatRequests.some(isJudge))
    expect(ollama.chatRequests.filter(isJudge)).toHaveLength(1)
    const judgeAsk = ollama.chatRequests.find(isJudge)!
    expect(judgeAsk.messages[1]?.content).toContain('Cliente después: ok, lo pienso')
    // A digit is the whole answer: the judge never takes a reply's length of generation.
    expect(judgeAsk.options?.num_predict).toBe(8)
    const [first] = (await exchanges(app)).filter((e) => e.userMessage === '¿Cuánto vale el parlante?')
    expect(first?.autoScoreSource).toBe('rules')

    // Another customer writes while the judge is generating: the judge lets go at once, the customer is answered.
    await call(app, 'simulator.send', { from: 'Beto', text: 'hola, ¿tienen audífonos?' })
    await eventually(() => ollama!.abortedChats === 1)
    await app.idle()
    const beto = (await call(app, 'conversations.list', {})).find((c) => c.contact.displayName === 'Beto')!
    const thread = await call(app, 'conversations.messages', { conversationId: beto.id })
    expect(thread.map((m) => m.author)).toEqual(['customer', 'bot'])
    expect((await exchanges(app)).find((e) => e.userMessage === '¿Cuánto vale el parlante?')?.autoScoreSource).toBe('rules')

    // Quiet again: the same exchange is judged to the end and its score takes the judge's opinion.
    holdJudge = false
    held.release?.()
    await eventually(async () => (await exchanges(app!)).find((e) => e.userMessage === '¿Cuánto vale el parlante?')?.autoScoreSource === 'llm_judge', 10_000)
    const judged = (await exchanges(app)).find((e) => e.userMessage === '¿Cuánto vale el parlante?')!
    expect(judged.autoScore).toBe(Math.round((5 + first!.autoScore!) / 2))
    expect(app.evaluation.judgeBacklog).toBe(0)
  })

  it('stays off by default: no judge call is made', async () => {
    ollama = await startOllamaDouble({ reply: (r) => (isJudge(r) ? '5' : 'Hola, ¿en qué te ayudo?') })
    app = await buildTestApp({ ollamaHost: ollama.url, judgeRetryMs: 20 })
    await call(app, 'simulator.send', { from: 'Ana', text: 'hola' })
    await app.idle()
    await call(app, 'simulator.send', { from: 'Ana', text: 'gracias' })
    await app.idle()
    await eventually(async () => (await exchanges(app!)).find((e) => e.userMessage === 'hola')?.evaluatedAt != null)
    await new Promise((r) => setTimeout(r, 100))
    expect(ollama.chatRequests.filter(isJudge)).toHaveLength(0)
  })
})
