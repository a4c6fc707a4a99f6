// Issue 12 §2: a customer's message is stored whole, but the pipeline (handoff check,
// retrieval, prompt, guardrails, scorer) reads a bounded prefix of it.
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_PROCESSED_CHARS } from '../../src/shared/text-bounds'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { buildTestApp, callApi, type TestApp } from '../support/test-app'

describe('a very long customer message', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  afterEach(async () => {
    await app?.dispose()
    await ollama?.close().catch(() => {})
  })

  it('is stored whole, and the pipeline reads only its first MAX_PROCESSED_CHARS characters', async () => {
    ollama = await startOllamaDouble({ reply: () => 'Claro, con gusto te ayudo.' })
    app = await buildTestApp({ ollamaHost: ollama.url })
    // 64 KB, the size that cost seconds in the scrubber and the guardrails before the cap. A
    // request for a person past the cap is not read: the handoff check sees only the prefix,
    // so the model answers instead of handing over (what a person would skim, too).
    const text = `Hola, quiero saber del curso. ${'Tengo una pregunta muy larga sobre el envío... '.repeat(1_400)}quiero hablar con una persona, soy Zacarías`
    expect(text.length).toBeGreaterThan(64_000)
    // Through the transport, as WhatsApp delivers it: the simulator API caps its own input.
    const stored = await app.simulator.receive('Lucía', text)
    await app.idle()

    const messages = await callApi(app, 'conversations.messages', { conversationId: stored.conversationId })
    expect(messages[0]?.text).toBe(text)
    expect(messages.at(-1)).toMatchObject({ author: 'bot', text: 'Claro, con gusto te ayudo.' })

    const request = ollama.chatRequests.at(-1)!
    expect(request.messages.at(-1)!.content.length).toBeLessThanOrEqual(MAX_PROCESSED_CHARS)
    expect(request.messages.some((m) => m.content.includes('Zacarías'))).toBe(false)
  })
})
