import { afterEach, describe, expect, it } from 'vitest'
import type { ApiEventName } from '../../src/shared/api/events'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { buildTestApp, callApi as call, eventually, type TestApp } from '../support/test-app'

describe('simulator → inbox → router → responder → outbox', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  afterEach(async () => {
    await app?.dispose()
    await ollama?.close().catch(() => {})
    app = undefined
    ollama = undefined
  })

  it('stores the customer message, answers it with the model and records which model answered', async () => {
    ollama = await startOllamaDouble({ reply: () => '¡Claro! Tenemos el curso de piano básico.' })
    app = await buildTestApp({ ollamaHost: ollama.url })
    const events: ApiEventName[] = []
    app.events.subscribe((event) => events.push(event))

    const sent = await call(app, 'simulator.send', {
      from: 'Ana',
      text: 'Hola, busco un curso de piano',
    })
    await app.idle()

    const messages = await call(app, 'conversations.messages', { conversationId: sent.conversationId })
    expect(messages.map((m) => [m.author, m.text, m.status])).toEqual([
      ['customer', 'Hola, busco un curso de piano', 'received'],
      ['bot', '¡Claro! Tenemos el curso de piano básico.', 'sent'],
    ])
    expect(messages[0]).toMatchObject({ id: sent.messageId, replyState: 'answered' })
    expect(messages[1]?.model).toBe('llama3.1:8b')

    // The model saw the shop's persona and the customer's words.
    const request = ollama.chatRequests[0]!
    expect(request.messages[0]).toMatchObject({ role: 'system' })
    expect(request.messages[0]?.content).toContain('Tecnovariedades D&S')
    expect(request.messages.at(-1)).toEqual({ role: 'user', content: 'Hola, busco un curso de piano' })

    const list = await call(app, 'conversations.list', {})
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({
      id: sent.conversationId,
      contact: { transport: 'simulator', displayName: 'Ana' },
      lastMessagePreview: '¡Claro! Tenemos el curso de piano básico.',
      unreadCount: 1,
    })
    expect(events).toEqual(expect.arrayContaining(['message.added', 'conversation.updated', 'message.updated']))
  })

  it('sends the conversation history to the model and keeps one conversation per customer', async () => {
    ollama = await startOllamaDouble({ reply: (r) => `Respuesta ${r.messages.filter((m) => m.role === 'user').length}` })
    app = await buildTestApp({ ollamaHost: ollama.url })
    const first = await call(app, 'simulator.send', { from: 'Luis', text: '¿Cuánto cuesta?' })
    await app.idle()
    const second = await call(app, 'simulator.send', { from: 'Luis', text: '¿Y el envío?' })
    await app.idle()
    await call(app, 'simulator.send', { from: 'Marta', text: 'Hola' })
    await app.idle()

    expect(second.conversationId).toBe(first.conversationId)
    expect(ollama.chatRequests[1]?.messages.slice(1)).toEqual([
      { role: 'user', content: '¿Cuánto cuesta?' },
      { role: 'assistant', content: 'Respuesta 1' },
      { role: 'user', content: '¿Y el envío?' },
    ])
    const list = await call(app, 'conversations.list', {})
    expect(list.map((c) => c.contact.displayName)).toEqual(['Marta', 'Luis'])
  })

  it('keeps the message when Ollama is down, says so in Spanish, and answers once it is back', async () => {
    ollama = await startOllamaDouble({ reply: () => 'Ya estoy de vuelta' })
    await ollama.close()
    app = await buildTestApp({ ollamaHost: ollama.url, llmRecheckMs: 50 })
    const sent = await call(app, 'simulator.send', {
      from: 'Pedro',
      text: '¿Tienen audífonos?',
    })
    await app.idle()

    const waiting = await call(app, 'conversations.messages', { conversationId: sent.conversationId })
    expect(waiting.map((m) => [m.author, m.template])).toEqual([
      ['customer', null],
      ['bot', 'holding'],
    ])
    expect(waiting[0]).toMatchObject({ text: '¿Tienen audífonos?', replyState: 'waiting_model' })
    const status = await call(app, 'app.status', {})
    expect(status.llm.state).toBe('unreachable')
    expect(status.llm.detail).toMatch(/^Ollama no responde en http:\/\/127\.0\.0\.1:\d+/)
    expect(status.waitingForModel).toBe(1)

    await ollama.restart()
    const answered = await eventually(async () => {
      const messages = await call(app!, 'conversations.messages', { conversationId: sent.conversationId })
      return messages.length === 3 ? messages : null
    })
    expect(answered.map((m) => [m.author, m.text, m.replyState])).toEqual([
      ['customer', '¿Tienen audífonos?', 'answered'],
      ['bot', '¡Gracias por escribirnos! En un momento te respondemos 🙏', null],
      ['bot', 'Ya estoy de vuelta', null],
    ])
    await eventually(async () => (await call(app!, 'app.status', {})).waitingForModel === 0)
  })

  it('answers after a restart what waited for the model before it', async () => {
    ollama = await startOllamaDouble({ reply: () => 'Respuesta tardía' })
    await ollama.close()
    const firstRun = await buildTestApp({ ollamaHost: ollama.url })
    const dataDir = firstRun.dataDir
    const sent = await call(firstRun, 'simulator.send', { from: 'Rosa', text: 'Hola' })
    await firstRun.idle()
    await firstRun.close()

    await ollama.restart()
    app = await buildTestApp({ ollamaHost: ollama.url, dataDir })
    const messages = await eventually(async () => {
      const list = await call(app!, 'conversations.messages', { conversationId: sent.conversationId })
      return list.length === 3 ? list : null
    })
    expect(messages[1]).toMatchObject({ author: 'bot', template: 'holding' })
    expect(messages[2]).toMatchObject({ author: 'bot', text: 'Respuesta tardía', template: null })
    const { rmSync } = await import('node:fs')
    const dispose = app.dispose
    app.dispose = async () => {
      await dispose()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('says "model missing" when Ollama runs without the chosen model', async () => {
    ollama = await startOllamaDouble({ models: ['qwen2.5:3b'] })
    app = await buildTestApp({ ollamaHost: ollama.url })
    const sent = await call(app, 'simulator.send', { from: 'Ana', text: 'Hola' })
    await app.idle()
    const status = await call(app, 'app.status', {})
    expect(status.llm).toMatchObject({ state: 'model_missing', detail: 'El modelo «llama3.1:8b» no está instalado en Ollama' })
    const messages = await call(app, 'conversations.messages', { conversationId: sent.conversationId })
    expect(messages[0]?.replyState).toBe('waiting_model')

    // Choosing an installed model in Ajustes brings the bot back and answers the waiting message.
    await call(app, 'settings.update', { llm: { model: 'qwen2.5:3b' } })
    await eventually(async () => {
      const list = await call(app!, 'conversations.messages', { conversationId: sent.conversationId })
      return list.some((m) => m.author === 'bot' && m.template === null)
    })
  })

  it('reports an unknown conversation as not found, naming the field', async () => {
    app = await buildTestApp()
    const result = await app.dispatch('conversations.messages', { conversationId: 'nope' })
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', fields: [{ path: 'conversationId' }] } })
  })
})

describe('unread counts', () => {
  it('counts customer messages as unread until the owner opens the chat', async () => {
    const app = await buildTestApp()
    try {
      const sent = await call(app, 'simulator.send', { from: 'Ana', text: 'Hola' })
      await call(app, 'simulator.send', { from: 'Ana', text: '¿Hay alguien?' })
      await app.idle()
      const before = await call(app, 'conversations.list', {})
      expect(before[0]?.unreadCount).toBe(2)
      const events: string[] = []
      app.events.subscribe((event) => events.push(event))
      const read = await call(app, 'conversations.markRead', { conversationId: sent.conversationId })
      expect(read.unreadCount).toBe(0)
      expect(events).toEqual(['conversation.updated'])
      expect((await call(app, 'conversations.list', {}))[0]?.unreadCount).toBe(0)
    } finally {
      await app.dispose()
    }
  })
})
