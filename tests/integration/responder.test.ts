import { afterEach, describe, expect, it } from 'vitest'
import type { OwnerAlert } from '../../src/shared/api/events'
import type { MessageDto } from '../../src/shared/types'
import { PRICE_FALLBACK_REPLY } from '../../src/main/guardrails/reply-guard'
import { startOllamaDouble, type ChatRequestBody, type OllamaDouble } from '../support/ollama-double'
import { buildTestApp, callApi as call, eventually, type TestApp } from '../support/test-app'

const CATALOG = [
  { sku: 'CUR-PIANO', name: 'Curso de Piano Básico', price: 89_000, category: 'cursos', keywords: ['piano', 'teclado'], description: '12 clases en video.' },
  { sku: 'CUR-GUIT', name: 'Curso de Guitarra Acústica', price: 79_000, category: 'cursos', keywords: ['guitarra'] },
  { sku: 'GAD-AUD', name: 'Audífonos Bluetooth X2', price: 85_000, category: 'gadgets', keywords: ['audífonos', 'auriculares'] },
  { sku: 'GAD-CARG', name: 'Cargador Rápido USB-C 33W', price: 45_000, category: 'gadgets', keywords: ['cargador'] },
]

const systemOf = (request: ChatRequestBody | undefined) => request?.messages[0]?.content ?? ''

describe('the responder: catalog, examples, guardrails, handoff, hours, outages', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  afterEach(async () => {
    await app?.dispose()
    await ollama?.close().catch(() => {})
    app = undefined
    ollama = undefined
  })

  async function start(reply: (r: ChatRequestBody) => string, extra: Parameters<typeof buildTestApp>[0] = {}): Promise<TestApp> {
    ollama = await startOllamaDouble({ reply })
    app = await buildTestApp({ ollamaHost: ollama.url, ...extra })
    for (const product of CATALOG) await call(app, 'catalog.save', { product })
    return app
  }

  async function say(from: string, text: string): Promise<{ conversationId: string; messages: MessageDto[] }> {
    const sent = await call(app!, 'simulator.send', { from, text })
    await app!.idle()
    return { conversationId: sent.conversationId, messages: await call(app!, 'conversations.messages', { conversationId: sent.conversationId }) }
  }

  it('shows the model the products the customer asks about, with their prices, and records the product in focus', async () => {
    await start((r) => (systemOf(r).includes('Audífonos Bluetooth X2: $85.000') ? 'Los Audífonos Bluetooth X2 cuestan $85.000 🎧' : 'No sé'))
    const { conversationId, messages } = await say('Ana', 'hola, tienen audifonos? cuanto valen')
    expect(messages.at(-1)).toMatchObject({ author: 'bot', text: 'Los Audífonos Bluetooth X2 cuestan $85.000 🎧', guardrails: [] })
    const conversation = (await call(app!, 'conversations.list', {})).find((c) => c.id === conversationId)!
    expect(conversation.focusProduct).toMatchObject({ name: 'Audífonos Bluetooth X2' })

    // A follow-up that names no product keeps the one in focus, and the capture records it as the seed does.
    await say('Ana', '¿y tienen envío?')
    const exchanges = await eventually(async () => {
      const list = await call(app!, 'review.list', { status: 'all' })
      return list.items.length === 2 ? list.items : null
    })
    expect(exchanges.map((e) => e.productName)).toEqual(['Audífonos Bluetooth X2', 'Audífonos Bluetooth X2'])
    expect(systemOf(ollama!.chatRequests[1])).toContain('Audífonos Bluetooth X2: $85.000')
  })

  it('sends Ollama the context size the prompt was built for, and a cap on the answer', async () => {
    await start(() => 'Claro que sí.')
    await call(app!, 'settings.update', { llm: { contextTokens: 8192, maxReplyTokens: 200 } })
    await say('Beto', 'hola')
    expect(ollama!.chatRequests[0]?.options).toMatchObject({ num_ctx: 8192, num_predict: 200 })
  })

  it('learns from the owner before any fine-tune: an approved rewrite becomes an example for similar questions, without personal data', async () => {
    await start(() => 'Sí, hacemos envíos.')
    const first = await say('Carla', '¿Hacen envíos a Medellín? mi número es 3001234567')
    const exchange = await eventually(async () => (await call(app!, 'review.list', { status: 'all' })).items[0])
    await call(app!, 'review.correct', { id: exchange.id, response: 'Sí, enviamos a todo el país con Servientrega: a Medellín llega en 2 días y cuesta $12.000.' })
    await call(app!, 'review.score', { ids: [exchange.id], score: 5 })
    expect(first.messages).toHaveLength(2)

    await say('Diego', 'buenas, hacen envios a Cali?')
    const system = systemOf(ollama!.chatRequests.at(-1))
    expect(system).toContain('Tienda: Sí, enviamos a todo el país con Servientrega')
    expect(system).not.toContain('3001234567')
    expect(system).toContain('[TELEFONO]')

    // Rejected later: it stops being shown.
    await call(app!, 'review.reject', { ids: [exchange.id] })
    await say('Elena', '¿hacen envíos a Pasto?')
    expect(systemOf(ollama!.chatRequests.at(-1))).not.toContain('Servientrega')
  })

  it("never shows one customer's name, phone, email, id or address to another, whatever the country's format", async () => {
    await start(() => 'Sí, hacemos envíos.')
    await say('Lucía Fernández', 'Hola, soy Lucía Fernández. ¿Hacen envíos a Madrid? mi móvil es 612 345 678, lucia.fdez arroba gmail punto com')
    const exchange = await eventually(async () => (await call(app!, 'review.list', { status: 'all' })).items[0])
    await call(app!, 'review.correct', {
      id: exchange.id,
      response: 'Hola Lucía, sí: enviamos a Calle Mayor 5, 3º B con DNI 12345678Z y te escribimos al 0034 612 345 678. El envío cuesta $12.000.',
    })
    await call(app!, 'review.score', { ids: [exchange.id], score: 5 })

    await say('Mateo', 'buenas, hacen envíos a Sevilla?')
    const system = systemOf(ollama!.chatRequests.at(-1))
    expect(system).toContain('El envío cuesta $12.000')
    for (const leak of ['Lucía', 'Fernández', '612 345 678', 'lucia.fdez', 'gmail', 'Calle Mayor 5', '12345678Z']) expect(system).not.toContain(leak)
    expect(system).toContain('[NOMBRE]')
    expect(system).toContain('[DIRECCION]')
  })

  it('never sends a price the catalog does not have: regenerates with the valid prices, then the customer gets the corrected answer', async () => {
    await start((r) =>
      systemOf(r).includes('Importante:') ? 'El Curso de Piano Básico cuesta $89.000. ¿Te paso el enlace?' : 'El Curso de Piano Básico cuesta $75.000. ¿Te paso el enlace?',
    )
    const { messages } = await say('Fabio', '¿cuánto cuesta el curso de piano?')
    expect(messages.at(-1)).toMatchObject({ text: 'El Curso de Piano Básico cuesta $89.000. ¿Te paso el enlace?', guardrails: ['price_regenerated'] })
    expect(ollama!.chatRequests).toHaveLength(2)
    expect(systemOf(ollama!.chatRequests[1])).toMatch(/mencionó \$75\.000.*Curso de Piano Básico: \$89\.000/s)
  })

  it('removes an invented price the model insists on, or sends a safe line when nothing else is left', async () => {
    await start(() => '¡Claro! Tenemos el Curso de Piano Básico con clases en video y partituras. Hoy te lo dejo en $50.000.')
    const first = await say('Gina', '¿cuánto cuesta el curso de piano?')
    expect(first.messages.at(-1)).toMatchObject({
      text: '¡Claro! Tenemos el Curso de Piano Básico con clases en video y partituras.',
      guardrails: ['price_regenerated', 'price_removed'],
    })
    ollama!.setReply(() => 'Cuesta $50.000.')
    const second = await say('Hugo', '¿cuánto cuesta el curso de piano?')
    expect(second.messages.at(-1)).toMatchObject({ text: PRICE_FALLBACK_REPLY, guardrails: ['price_regenerated', 'price_fallback'] })
  })

  it('cuts an answer that is too long at a sentence end', async () => {
    await start(() => `${'El curso tiene muchas clases y material de apoyo. '.repeat(30)}Fin.`)
    await call(app!, 'settings.update', { guardrails: { maxReplyChars: 200 } })
    const { messages } = await say('Iris', 'cuéntame del curso de piano')
    const text = messages.at(-1)!.text!
    expect(text.length).toBeLessThanOrEqual(200)
    expect(text.endsWith('apoyo.')).toBe(true)
    expect(messages.at(-1)!.guardrails).toEqual(['length_trimmed'])
  })

  it('hands a customer who asks for a person to the owner: says so, pauses the bot there, alerts the owner', async () => {
    await start(() => 'respuesta del modelo')
    const alerts: OwnerAlert[] = []
    app!.events.subscribe((event, payload) => {
      if (event === 'owner.alert') alerts.push(payload as OwnerAlert)
    })
    const { conversationId, messages } = await say('Julia', 'no me sirve el bot, quiero hablar con una persona')
    expect(ollama!.chatRequests).toHaveLength(0)
    expect(messages.at(-1)).toMatchObject({ author: 'bot', template: 'handoff', model: null })
    expect(alerts).toEqual([expect.objectContaining({ kind: 'human_request', conversationId, customerName: 'Julia' })])
    let conversation = (await call(app!, 'conversations.list', {}))[0]!
    expect(conversation).toMatchObject({ botMode: 'paused', attention: 'human_request' })

    // The bot stays quiet in that chat until the owner turns it back on; the handoff line is not a training example.
    const later = await say('Julia', '¿hola?')
    expect(later.messages.at(-1)).toMatchObject({ author: 'customer', replyState: 'skipped' })
    expect((await call(app!, 'review.list', { status: 'all' })).total).toBe(0)
    conversation = await call(app!, 'conversations.setBotMode', { conversationId, mode: 'bot' })
    expect(conversation.attention).toBeNull()
  })

  it('outside business hours tells the customer once per closed spell and, in message-only mode, leaves the chat to the owner', async () => {
    // Always closed: an enabled schedule with no opening hours.
    await start(() => 'respuesta del modelo')
    await call(app!, 'settings.update', {
      businessHours: { enabled: true, week: [], mode: 'message_only', message: 'Ahora estamos cerrados; te respondemos {apertura}.' },
    })
    const first = await say('Karen', 'hola, ¿tienen cargadores?')
    const second = await say('Karen', '¿me avisan?')
    expect(ollama!.chatRequests).toHaveLength(0)
    const templates = second.messages.filter((m) => m.template === 'after_hours')
    expect(templates).toHaveLength(1)
    expect(first.messages.at(-1)?.template).toBe('after_hours')
    expect(second.messages.at(-1)).toMatchObject({ author: 'customer', replyState: 'skipped' })
  })

  it('outside business hours in answer mode, the bot still answers after the notice', async () => {
    await start(() => 'Claro, el Cargador Rápido USB-C 33W cuesta $45.000.')
    await call(app!, 'settings.update', { businessHours: { enabled: true, week: [], mode: 'message_and_answer' } })
    const { messages } = await say('Luis', '¿tienen cargador?')
    expect(messages.map((m) => m.template ?? m.author)).toEqual(['customer', 'after_hours', 'bot'])
  })

  it('tells a waiting customer once that the answer is coming, answers when the model is back, and loses nothing', async () => {
    ollama = await startOllamaDouble({ reply: () => 'Sí, el Cargador Rápido USB-C 33W cuesta $45.000.' })
    await ollama.close()
    app = await buildTestApp({ ollamaHost: ollama.url, llmRecheckMs: 50 })
    await call(app, 'catalog.save', { product: CATALOG[3]! })
    const first = await say('Mario', '¿tienen cargador?')
    const second = await say('Mario', '¿el USB-C?')
    expect(second.messages.map((m) => [m.author, m.template, m.replyState])).toEqual([
      ['customer', null, 'waiting_model'],
      ['bot', 'holding', null],
      ['customer', null, 'waiting_model'],
    ])
    expect(first.conversationId).toBe(second.conversationId)

    await ollama.restart()
    const answered = await eventually(async () => {
      const list = await call(app!, 'conversations.messages', { conversationId: first.conversationId })
      return list.length === 4 ? list : null
    })
    expect(answered.at(-1)).toMatchObject({ author: 'bot', template: null, text: 'Sí, el Cargador Rápido USB-C 33W cuesta $45.000.' })
    expect(answered.filter((m) => m.author === 'customer').every((m) => m.replyState === 'answered')).toBe(true)
    // One answer for both waiting messages, and the holding line is not captured as an exchange.
    const exchanges = await eventually(async () => {
      const list = await call(app!, 'review.list', { status: 'all' })
      return list.items.length > 0 ? list.items : null
    })
    expect(exchanges).toHaveLength(1)
    expect(exchanges[0]!.userMessage).toBe('¿tienen cargador?\n¿el USB-C?')
  })

  it('stops a generation under way when the owner takes the chat, and sends nothing of it', async () => {
    ollama = await startOllamaDouble({ reply: () => 'una respuesta larga '.repeat(40), chunkDelayMs: 30 })
    app = await buildTestApp({ ollamaHost: ollama.url })
    const sent = await call(app, 'simulator.send', { from: 'Nora', text: 'hola' })
    await eventually(() => ollama!.chatRequests.length === 1)
    await call(app, 'conversations.reply', { conversationId: sent.conversationId, text: 'Hola Nora, soy el dueño, ¿en qué te ayudo?' })
    await app.idle()
    const messages = await call(app, 'conversations.messages', { conversationId: sent.conversationId })
    expect(messages.map((m) => m.author)).toEqual(['customer', 'owner'])
    expect(messages[0]).toMatchObject({ replyState: 'skipped' })
  })

  it('previews the prompt the model would get for a message, with a draft persona', async () => {
    await start(() => 'x')
    const preview = await call(app!, 'llm.previewPrompt', {
      text: '¿Tienen curso de guitarra?',
      systemPrompt: 'Eres Sofía, de {shopName}.',
    })
    expect(preview.messages[0]!.content).toMatch(/^Eres Sofía, de Tecnovariedades D&S\./)
    expect(preview.products[0]).toBe('Curso de Guitarra Acústica')
    expect(preview.messages.at(-1)).toEqual({ role: 'user', content: '¿Tienen curso de guitarra?' })
    expect(preview.estimatedTokens).toBeGreaterThan(50)
  })
})
