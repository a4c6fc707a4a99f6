// A full disk, for real: SQLite's max_page_count set to the file's current size (and the free
// pages used up) makes every write that needs a new page fail with SQLITE_FULL, exactly as a
// full disk does; raising it again is the owner freeing space. A row longer than a page always
// needs a new page, so the messages here are long.
import { afterEach, describe, expect, it } from 'vitest'
import type { AppStatus } from '../../src/shared/types'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { buildTestApp, callApi, eventually, type TestApp } from '../support/test-app'
import { customerText, socketDoubleFactory, type SocketDouble } from '../support/whatsapp-socket-double'

const PHONE = '573001234567'
const JID = `${PHONE}@s.whatsapp.net`
// Longer than a 4 KiB page once encoded (accents take two bytes), within the simulator's 4,096 characters.
const LONG = '¿Qué opción está disponible? Díganme por favor cuál canción aprenderé en la lección del sábado. '.repeat(41).trim()

describe('a full disk', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)

  afterEach(async () => {
    process.off('unhandledRejection', onUnhandled)
    await app?.dispose()
    await ollama?.close().catch(() => {})
    app = undefined
    ollama = undefined
  })

  /** Makes the database refuse every write that needs one more page; returns the "free space" action. */
  function fillDisk(a: TestApp): () => void {
    const sqlite = a.repos.db.$client
    const before = sqlite.pragma('max_page_count', { simple: true }) as number
    sqlite.exec('CREATE TABLE IF NOT EXISTS test_filler (x BLOB)')
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`)
    // Free pages inside the file would still take a long row: use them up.
    for (;;) {
      try {
        sqlite.prepare('INSERT INTO test_filler VALUES (zeroblob(3000))').run()
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_FULL') break
        throw error
      }
    }
    return () => void sqlite.pragma(`max_page_count = ${before}`)
  }

  const status = (a: TestApp) => callApi(a, 'app.status', {})

  async function startWithWhatsapp(): Promise<{ a: TestApp; socket: SocketDouble }> {
    ollama = await startOllamaDouble({ reply: (r) => `Respuesta: ${r.messages.at(-1)?.content ?? ''}` })
    const factory = socketDoubleFactory()
    const a = await buildTestApp({
      ollamaHost: ollama.url,
      whatsappSocketFactory: factory,
      whatsappTimings: { sendLimits: { perChatMinIntervalMs: 0, globalPerMinute: 10_000, globalBurst: 10_000, jitterMs: 0 } },
    })
    app = a
    await callApi(a, 'settings.update', { whatsapp: { debounceMs: 0 } })
    const next = factory.next()
    await callApi(a, 'whatsapp.pair', { method: 'qr' })
    const socket = await next
    socket.qr()
    socket.open()
    await eventually(async () => (await callApi(a, 'whatsapp.status', {})).state === 'open')
    return { a, socket }
  }

  it('keeps the WhatsApp messages it could not write, says so in Spanish, and stores and answers them when space returns', async () => {
    process.on('unhandledRejection', onUnhandled)
    const { a, socket } = await startWithWhatsapp()
    const statuses: AppStatus[] = []
    a.events.subscribe((event, payload) => {
      if (event === 'status.changed') statuses.push(payload as AppStatus)
    })
    expect((await status(a)).diskFull).toBe(false)

    const freeSpace = fillDisk(a)
    // Baileys has already acknowledged these: WhatsApp will not deliver them again.
    socket.upsert([customerText(PHONE, LONG, { id: 'FULL-1' })])
    socket.upsert([customerText(PHONE, '¿Y cuánto cuesta?', { id: 'FULL-2' })])
    await eventually(async () => (await status(a)).diskFull)
    expect(statuses.some((s) => s.diskFull)).toBe(true)
    expect(a.repos.messages.findByExternalId('whatsapp:FULL-1')).toBeUndefined()

    // The owner trying the bot meanwhile is told why, in Spanish, and nothing is stored half-way.
    const tried = await a.dispatch('simulator.send', { from: 'Dueño', text: LONG })
    expect(tried).toMatchObject({ ok: false, error: { code: 'unavailable' } })
    expect(!tried.ok && tried.error.message).toMatch(/^El disco está lleno: libera espacio/)
    // Still full: a retry round goes by and nothing changes.
    await new Promise((r) => setTimeout(r, 5_500))
    expect((await status(a)).diskFull).toBe(true)
    expect(a.repos.messages.findByExternalId('whatsapp:FULL-1')).toBeUndefined()

    freeSpace()
    await eventually(async () => !(await status(a)).diskFull, 10_000)
    await eventually(() => a.repos.messages.findByExternalId('whatsapp:FULL-2'), 10_000)
    await a.idle()

    const [conversation] = await callApi(a, 'conversations.list', {})
    const messages = await callApi(a, 'conversations.messages', { conversationId: conversation!.id })
    const fromCustomer = messages.filter((m) => m.author === 'customer')
    // Both kept, in the order they came, and answered.
    expect(fromCustomer.map((m) => m.text)).toEqual([LONG, '¿Y cuánto cuesta?'])
    expect(fromCustomer.every((m) => m.replyState === 'answered')).toBe(true)
    expect(messages.filter((m) => m.author === 'bot' && m.status === 'sent').length).toBeGreaterThanOrEqual(1)
    expect(socket.sent.filter((s) => s.jid === JID).length).toBeGreaterThanOrEqual(1)
    expect(statuses.at(-1)?.diskFull).toBe(false)
    expect(unhandled).toEqual([])
  })

  // Under the reply length cap in characters, over a page in bytes.
  const REPLY = 'Sí, aquí está: ' + 'Sí señor, ésa canción única también está aquí; añádala ahí. '.repeat(60).trim()

  it('a reply the disk refuses stays unanswered, not lost: it is written and sent once there is space', async () => {
    process.on('unhandledRejection', onUnhandled)
    let freeSpace: (() => void) | null = null
    let generations = 0
    ollama = await startOllamaDouble({
      reply: () => {
        generations++
        // The customer's message is stored; the disk fills while the model writes.
        if (!freeSpace) freeSpace = fillDisk(app!)
        return REPLY
      },
    })
    const a = await buildTestApp({ ollamaHost: ollama.url })
    app = a
    // Room for the whole long reply: no cut by characters or by tokens.
    await callApi(a, 'settings.update', { guardrails: { maxReplyChars: 4000 }, llm: { maxReplyTokens: 1000 } })
    const sent = await callApi(a, 'simulator.send', { from: 'Ana', text: 'Hola, ¿tienen cursos de piano?' })
    await eventually(async () => (await status(a)).diskFull)
    expect(a.repos.messages.get(sent.messageId)?.replyState).toBe('pending')
    expect(a.repos.messages.recent(sent.conversationId, 10).filter((m) => m.author === 'bot')).toEqual([])

    freeSpace!()
    await eventually(async () => !(await status(a)).diskFull, 10_000)
    await eventually(() => a.repos.messages.get(sent.messageId)?.replyState === 'answered', 10_000)
    await a.idle()
    const bot = a.repos.messages.recent(sent.conversationId, 10).filter((m) => m.author === 'bot')
    expect(bot.map((m) => m.status)).toEqual(['sent'])
    expect(generations).toBeGreaterThanOrEqual(2)
    expect(unhandled).toEqual([])
  })
})
