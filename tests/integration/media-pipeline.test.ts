import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import type { OwnerAlert } from '../../src/shared/api/events'
import { TranscriptionError, type Transcriber } from '../../src/main/media/transcriber'
import { startOllamaDouble, type OllamaDouble, type OllamaDoubleOptions } from '../support/ollama-double'
import { phonePhoto } from '../support/photos'
import { buildTestApp, callApi as call, eventually, type TestApp } from '../support/test-app'
import {
  customerImage,
  customerText,
  customerVoiceNote,
  socketDoubleFactory,
  startMediaServerDouble,
  type MediaServerDouble,
  type SocketDouble,
} from '../support/whatsapp-socket-double'

const PHONE = '573001234567'
const JID = `${PHONE}@s.whatsapp.net`
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

/** A Transcriber as the speech engine would be: here it "hears" what the test says the audio holds. */
function fakeTranscriber(hear: (audio: Uint8Array) => string | Error, available = true): Transcriber & { calls: number } {
  const fake = {
    calls: 0,
    available: () => available,
    transcribe: async (audio: Uint8Array) => {
      fake.calls++
      const heard = hear(audio)
      if (heard instanceof Error) throw heard
      return { text: heard, durationSec: 4, truncated: false, language: 'es' }
    },
  }
  return fake
}

describe('photos and voice notes through the pipeline', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  let server: MediaServerDouble | undefined
  afterEach(async () => {
    await app?.dispose()
    await ollama?.close().catch(() => {})
    await server?.close().catch(() => {})
    app = ollama = server = undefined
  })

  async function start(options: { ollama?: OllamaDoubleOptions; transcriber?: Transcriber | null } = {}): Promise<{ a: TestApp; socket: SocketDouble; alerts: OwnerAlert[] }> {
    ollama = await startOllamaDouble({ reply: (r) => `Respuesta: ${r.messages.at(-1)?.content ?? ''}`, ...options.ollama })
    server = await startMediaServerDouble()
    const factory = socketDoubleFactory()
    const a = await buildTestApp({
      ollamaHost: ollama.url,
      whatsappSocketFactory: factory,
      transcriber: options.transcriber ?? null,
      whatsappTimings: { sendLimits: { perChatMinIntervalMs: 0, globalPerMinute: 10_000, globalBurst: 10_000, jitterMs: 0 } },
    })
    app = a
    const alerts: OwnerAlert[] = []
    a.events.subscribe((event, payload) => event === 'owner.alert' && alerts.push(payload as OwnerAlert))
    await call(a, 'settings.update', { whatsapp: { debounceMs: 0 } })
    const next = factory.next()
    await call(a, 'whatsapp.pair', { method: 'qr' })
    const socket = await next
    socket.qr()
    socket.open()
    await eventually(async () => (await call(a, 'whatsapp.status', {})).state === 'open')
    return { a, socket, alerts }
  }

  async function productWithPhoto(a: TestApp, name: string, price: number | null, color = '#222222') {
    const product = await call(a, 'catalog.save', { product: { name, price } })
    await call(a, 'catalog.setPhoto', { productId: product.id, dataBase64: b64(await phonePhoto({ color })), mimeType: 'image/jpeg' })
    return product
  }

  async function thread(a: TestApp) {
    const [conversation] = await call(a, 'conversations.list', {})
    return call(a, 'conversations.messages', { conversationId: conversation!.id })
  }

  it('sends the product photo with its name and price as caption over WhatsApp, then answers as usual', async () => {
    const { a, socket, alerts } = await start()
    await productWithPhoto(a, 'Parlante Portátil 20W', 180000)

    socket.upsert([customerText(PHONE, 'Hola, ¿tienes foto del parlante?')])
    await eventually(() => socket.sent.length >= 2)
    await a.idle()

    const [photo, answer] = socket.sent
    expect(photo).toMatchObject({ jid: JID, text: 'Parlante Portátil 20W — $180.000', image: { mimetype: 'image/jpeg' } })
    const sentMeta = await sharp(photo!.image!.bytes).metadata()
    expect([sentMeta.width, sentMeta.exif]).toEqual([1600, undefined])
    expect(answer?.text).toBe('Respuesta: Hola, ¿tienes foto del parlante?')
    expect(answer?.image).toBeUndefined()

    const messages = await thread(a)
    expect(messages.map((m) => [m.author, m.kind, m.template, m.status])).toEqual([
      ['customer', 'text', null, 'received'],
      ['bot', 'image', 'photo', 'sent'],
      ['bot', 'text', null, 'sent'],
    ])
    expect(messages[1]!.media).toMatchObject({ mimeType: 'image/jpeg', thumbnail: true })
    // The chat keeps its own copy: the product's photo may change later.
    const shown = await call(a, 'media.get', { source: 'message', id: messages[1]!.id, variant: 'thumbnail' })
    expect((await sharp(Buffer.from(shown.dataBase64, 'base64')).metadata()).width).toBe(320)
    expect(alerts).toEqual([])
    // The photo is no answer to learn from: only the model's answer was captured.
    await eventually(() => (a.repos.db.$client.prepare('SELECT botResponse FROM training_data').all() as unknown[]).length > 0)
    const captured = a.repos.db.$client.prepare('SELECT botResponse FROM training_data').all() as { botResponse: string }[]
    expect(captured.map((r) => r.botResponse)).toEqual(['Respuesta: Hola, ¿tienes foto del parlante?'])
  })

  it('an answer written again after the model was down does not send the photos a second time', async () => {
    const { a, socket } = await start()
    await productWithPhoto(a, 'Parlante Portátil 20W', 180000)
    await call(a, 'catalog.save', { product: { name: 'Lámpara LED de escritorio', price: 45000 } })
    await ollama!.close()
    socket.upsert([customerText(PHONE, '¿tienes foto del parlante?')])
    await eventually(() => socket.sent.some((s) => s.image))
    await a.idle()
    const [conversation] = await call(a, 'conversations.list', {})
    // The photo went; the answer after it waits for the model.
    await eventually(() => a.repos.messages.awaitingReply(conversation!.id).some((m) => m.replyState === 'waiting_model'))
    await ollama!.restart()
    await a.llm.check()
    await eventually(() => socket.sent.some((s) => s.text.startsWith('Respuesta:')), 10_000)
    await a.idle()
    expect(socket.sent.filter((s) => s.image)).toHaveLength(1)
  })

  it('follows the product in focus ("mándame foto de la negra") and shows the photo in "Probar el bot"', async () => {
    ollama = await startOllamaDouble({ reply: () => 'Claro que sí.' })
    app = await buildTestApp({ ollamaHost: ollama.url })
    await productWithPhoto(app, 'Audífonos Bluetooth X200', 95000)
    await call(app, 'catalog.save', { product: { name: 'Cargador USB-C 20W', price: 25000 } })
    const first = await call(app, 'simulator.send', { from: 'Ana', text: '¿Cuánto valen los audífonos bluetooth X200?' })
    await app.idle()
    await call(app, 'simulator.send', { from: 'Ana', text: 'mándame foto de la negra' })
    await app.idle()

    const messages = await call(app, 'conversations.messages', { conversationId: first.conversationId })
    const photos = messages.filter((m) => m.kind === 'image')
    expect(photos.map((m) => [m.author, m.text])).toEqual([['bot', 'Audífonos Bluetooth X200 — $95.000']])
    expect(messages.at(-1)).toMatchObject({ author: 'bot', kind: 'text', text: 'Claro que sí.' })
    const image = await call(app, 'media.get', { source: 'message', id: photos[0]!.id })
    expect(image.mimeType).toBe('image/jpeg')
  })

  it('several products named: a few photos; a product without one: the bot says so and the owner is told which', async () => {
    const { a, socket, alerts } = await start()
    await productWithPhoto(a, 'Parlante Portátil 20W', 180000)
    await productWithPhoto(a, 'Lámpara LED de escritorio', 45000, '#ffee00')
    await call(a, 'catalog.save', { product: { name: 'Mouse inalámbrico', price: 30000 } })

    socket.upsert([customerText(PHONE, '¿me mandas fotos del parlante, la lámpara y el mouse?')])
    await eventually(() => socket.sent.length >= 4)
    await a.idle()

    expect(socket.sent.filter((s) => s.image).map((s) => s.text)).toEqual(['Parlante Portátil 20W — $180.000', 'Lámpara LED de escritorio — $45.000'])
    expect(socket.sent[2]?.text).toBe('Todavía no tengo foto de Mouse inalámbrico. Ya le avisé al encargado para que te la mande.')
    expect(socket.sent[3]?.text).toMatch(/^Respuesta:/)
    expect(alerts).toEqual([expect.objectContaining({ kind: 'photo_missing', text: expect.stringContaining('Mouse inalámbrico') })])
  })

  it('stores a customer photo (real Baileys image message, downloaded and decrypted) without EXIF; with a vision model it guesses the product, never sure', async () => {
    const { a, socket, alerts } = await start({
      ollama: {
        models: ['llama3.1:8b', 'llava:7b'],
        visionModels: ['llava:7b'],
        reply: (r) =>
          r.messages.some((m) => m.images?.length)
            ? JSON.stringify({ descripcion: 'Un parlante negro pequeño con correa', producto: 'Parlante Portátil 20W', comprobante: false })
            : `Respuesta: ${r.messages.at(-1)?.content ?? ''}`,
      },
    })
    await productWithPhoto(a, 'Parlante Portátil 20W', 180000)
    await call(a, 'catalog.save', { product: { name: 'Lámpara LED de escritorio', price: 45000 } })

    const sentPhoto = await phonePhoto({ width: 2400, height: 1800, color: '#101010' })
    socket.upsert([await customerImage(server!, PHONE, sentPhoto, { id: 'IMG-1' })])
    await eventually(() => socket.sent.length >= 1)
    await a.idle()

    expect(server!.downloads).toHaveLength(1)
    expect(socket.sent.map((s) => s.text)).toEqual(['Por la foto, parece el Parlante Portátil 20W. ¿Es ese? Si quieres te cuento precio y disponibilidad.'])
    const vision = ollama!.chatRequests.find((r) => r.messages.some((m) => m.images?.length))!
    expect(vision.model).toBe('llava:7b')
    expect(vision.messages.at(-1)?.content).toContain('"Lámpara LED de escritorio"')
    // The model reads the shop's copy: resized, without the phone's EXIF and GPS.
    const seenByModel = await sharp(Buffer.from(vision.messages.find((m) => m.images?.length)!.images![0]!, 'base64')).metadata()
    expect([seenByModel.width, seenByModel.exif]).toEqual([1600, undefined])
    const stored = a.repos.messages.findByExternalId('whatsapp:IMG-1')!
    expect(stored).toMatchObject({ kind: 'image', mediaMime: 'image/jpeg', mediaDescription: 'Un parlante negro pequeño con correa', replyState: 'answered' })
    expect(existsSync(join(a.dataDir, 'media', stored.mediaPath!))).toBe(true)
    const file = await call(a, 'media.get', { source: 'message', id: stored.id })
    const meta = await sharp(Buffer.from(file.dataBase64, 'base64')).metadata()
    expect([meta.width, meta.exif]).toEqual([1600, undefined])
    const [conversation] = await call(a, 'conversations.list', {})
    expect(conversation?.focusProduct?.name).toBe('Parlante Portátil 20W')
    expect(alerts).toEqual([])
    // The next question follows the product the photo showed.
    socket.upsert([customerText(PHONE, 'sí, ese. ¿cuánto vale?')])
    await eventually(() => socket.sent.length >= 2)
    const prompt = ollama!.chatRequests.at(-1)!.messages[0]!.content
    expect(prompt).toContain('Parlante Portátil 20W')
  })

  it('without a vision model a photo gets the polite line and the owner is told; broken media is kept as it came', async () => {
    const { a, socket, alerts } = await start()
    const broken = new TextEncoder().encode('no soy una foto de verdad')
    socket.upsert([await customerImage(server!, PHONE, broken, { id: 'IMG-BROKEN' })])
    await eventually(() => socket.sent.length >= 1)
    await a.idle()

    const unsupported = a.settings.get().whatsapp.unsupportedReply
    expect(socket.sent.map((s) => s.text)).toEqual([unsupported])
    expect(alerts).toEqual([expect.objectContaining({ kind: 'media_unread', text: expect.stringMatching(/foto/) })])
    const stored = a.repos.messages.findByExternalId('whatsapp:IMG-BROKEN')!
    expect(stored.mediaThumbPath).toBeNull()
    const file = await call(a, 'media.get', { source: 'message', id: stored.id })
    expect(Buffer.from(file.dataBase64, 'base64').toString()).toBe('no soy una foto de verdad')

    // A download that fails leaves the message without a file, and nothing crashes.
    server!.failWith = 410
    socket.upsert([await customerImage(server!, PHONE, await phonePhoto(), { id: 'IMG-GONE' })])
    await eventually(() => socket.sent.length >= 2)
    await a.idle()
    expect(a.repos.messages.findByExternalId('whatsapp:IMG-GONE')).toMatchObject({ mediaPath: null, replyState: 'answered' })
  })

  it('a photo after "¿cómo pago?" is a likely sale for the owner to confirm, never marked paid', async () => {
    const { a, socket, alerts } = await start()
    socket.upsert([customerText(PHONE, '¿cómo pago? ¿tienen nequi?')])
    await eventually(() => socket.sent.length >= 1)
    await a.idle()
    socket.upsert([await customerImage(server!, PHONE, await phonePhoto({ width: 600, height: 1200, color: '#ffffff' }), { id: 'IMG-PAGO' })])
    await eventually(() => socket.sent.length >= 2)
    await a.idle()

    expect(socket.sent[1]?.text).toBe('¡Gracias! Recibí tu comprobante. El encargado lo revisa y te confirma el pago.')
    expect(alerts).toEqual([expect.objectContaining({ kind: 'likely_sale' })])
    const [conversation] = await call(a, 'conversations.list', {})
    expect(conversation?.attention).toBe('likely_sale')
    // Nothing records a sale on its own: the owner confirms it.
    await a.idle()
    const exchanges = a.repos.db.$client.prepare('SELECT wasSuccessful, autoScoreSource FROM training_data').all() as { wasSuccessful: number | null; autoScoreSource: string | null }[]
    expect(exchanges.every((e) => e.autoScoreSource !== 'sale' && e.wasSuccessful !== 1)).toBe(true)
  })

  it('a receipt seen by the vision model is a likely sale too', async () => {
    const { a, socket, alerts } = await start({
      ollama: {
        models: ['llava:7b'],
        visionModels: ['llava:7b'],
        reply: (r) => (r.messages.some((m) => m.images?.length) ? '{"descripcion": "Comprobante de transferencia Bancolombia por $180.000", "producto": null, "comprobante": true}' : 'ok'),
      },
    })
    socket.upsert([await customerImage(server!, PHONE, await phonePhoto({ width: 500, height: 900 }), { id: 'IMG-REC' })])
    await eventually(() => socket.sent.length >= 1)
    expect(socket.sent[0]?.text).toMatch(/comprobante/)
    expect(alerts.map((x) => x.kind)).toEqual(['likely_sale'])
    expect(a.repos.messages.findByExternalId('whatsapp:IMG-REC')?.mediaDescription).toBe('Comprobante de transferencia Bancolombia por $180.000')
  })

  it('a receipt with a caption that asks nothing gets the receipt reply alone; one that asks gets the model too', async () => {
    const { a, socket } = await start({
      ollama: {
        models: ['llama3.1:8b', 'llava:7b'],
        visionModels: ['llava:7b'],
        reply: (r) => (r.messages.some((m) => m.images?.length) ? '{"descripcion": "Comprobante de transferencia", "producto": null, "comprobante": true}' : 'Respuesta del modelo'),
      },
    })
    socket.upsert([await customerImage(server!, PHONE, await phonePhoto({ width: 500, height: 900 }), { id: 'IMG-REC-1', caption: 'listo, ya te pagué' })])
    await eventually(() => socket.sent.length >= 1)
    await a.idle()
    // Only the owner confirms a payment: the model does not get to answer "ya te pagué".
    expect(socket.sent.map((s) => s.text)).toEqual(['¡Gracias! Recibí tu comprobante. El encargado lo revisa y te confirma el pago.'])
    expect(a.repos.messages.findByExternalId('whatsapp:IMG-REC-1')?.replyState).toBe('answered')

    socket.upsert([await customerImage(server!, PHONE, await phonePhoto({ width: 500, height: 900 }), { id: 'IMG-REC-2', caption: '¿cuándo me lo envían?' })])
    await eventually(() => socket.sent.length >= 3)
    await a.idle()
    expect(socket.sent.slice(1).map((s) => s.text)).toEqual(['¡Gracias! Recibí tu comprobante. El encargado lo revisa y te confirma el pago.', 'Respuesta del modelo'])
  })

  it('transcribes a voice note (real Baileys audio message) and answers the transcript as the customer’s words', async () => {
    const voice = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 1, 2, 3, 4])
    const transcriber = fakeTranscriber((audio) => (audio[0] === 0x4f ? '¿Cuánto cuesta el parlante?' : new Error('unexpected bytes')))
    const { a, socket, alerts } = await start({ transcriber })
    await call(a, 'catalog.save', { product: { name: 'Parlante Portátil 20W', price: 180000 } })

    socket.upsert([await customerVoiceNote(server!, PHONE, voice, { id: 'PTT-1', seconds: 4 })])
    await eventually(() => socket.sent.length >= 1)
    await a.idle()

    expect(transcriber.calls).toBe(1)
    expect(socket.sent[0]?.text).toBe('Respuesta: ¿Cuánto cuesta el parlante?')
    const stored = a.repos.messages.findByExternalId('whatsapp:PTT-1')!
    expect(stored).toMatchObject({ kind: 'audio', transcript: '¿Cuánto cuesta el parlante?', transcriptStatus: 'done', text: '¿Cuánto cuesta el parlante?', mediaMime: 'audio/ogg; codecs=opus' })
    expect(Buffer.from((await call(a, 'media.get', { source: 'message', id: stored.id })).dataBase64, 'base64')).toEqual(Buffer.from(voice))
    const dto = (await thread(a)).find((m) => m.id === stored.id)!
    expect(dto).toMatchObject({ kind: 'audio', transcript: '¿Cuánto cuesta el parlante?', transcriptStatus: 'done', media: { mimeType: 'audio/ogg; codecs=opus', durationSec: 4, thumbnail: false } })
    // Captured like a typed question: the exchange's user message is the transcript.
    await eventually(() => (a.repos.db.$client.prepare('SELECT userMessage FROM training_data').all() as { userMessage: string }[]).some((r) => r.userMessage === '¿Cuánto cuesta el parlante?'))
    expect(alerts).toEqual([])
  })

  it('a voice reply to the bot’s answer scores that answer from its transcript, like typed words', async () => {
    const transcriber = fakeTranscriber(() => '¡Perfecto, me lo llevo! Muchas gracias')
    const { a, socket } = await start({ transcriber, ollama: { reply: () => 'El Parlante Portátil 20W cuesta $180.000. ¿Te lo envío?' } })
    await call(a, 'catalog.save', { product: { name: 'Parlante Portátil 20W', price: 180000 } })
    socket.upsert([customerText(PHONE, '¿Cuánto cuesta el parlante?')])
    await eventually(() => socket.sent.length >= 1)
    await a.idle()
    socket.upsert([await customerVoiceNote(server!, PHONE, new Uint8Array([0x4f, 0x67, 0x67, 0x53, 9]), { id: 'PTT-REPLY' })])
    await eventually(() => socket.sent.length >= 2)
    await a.idle()

    const feedback = a.repos.messages.findByExternalId('whatsapp:PTT-REPLY')!
    type Scored = { userFeedback: string | null; autoScore: number | null; feedbackMessageId: string | null }
    const read = () => a.repos.db.$client.prepare('SELECT userFeedback, autoScore, feedbackMessageId FROM training_data WHERE userMessage = ?').get('¿Cuánto cuesta el parlante?') as Scored | undefined
    const scored = await eventually(() => (read()?.feedbackMessageId ? read() : null))
    expect(scored).toMatchObject({ userFeedback: '¡Perfecto, me lo llevo! Muchas gracias', feedbackMessageId: feedback.id })
    expect(scored.autoScore).toBeGreaterThanOrEqual(4)
  })

  it('privacy: a transcript is scrubbed like typed text on its way into a dataset; no photo, audio or description ever is', async () => {
    const said = 'Hola, soy Ana Gómez, mi número es 300 765 4321 y mi correo ana.gomez@example.com. ¿Cuánto cuesta el parlante?'
    const transcriber = fakeTranscriber(() => said)
    const { a, socket } = await start({
      transcriber,
      ollama: {
        models: ['llama3.1:8b', 'llava:7b'],
        visionModels: ['llava:7b'],
        reply: (r) =>
          r.messages.some((m) => m.images?.length)
            ? '{"descripcion": "Foto de Ana Gómez en su casa de la calle 45", "producto": null, "comprobante": false}'
            : 'El Parlante Portátil 20W cuesta $180.000. ¿Te lo envío?',
      },
    })
    await call(a, 'catalog.save', { product: { name: 'Parlante Portátil 20W', price: 180000 } })
    const voice = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 7, 7, 7, 7])
    socket.upsert([await customerVoiceNote(server!, PHONE, voice, { id: 'PTT-PII' })])
    await eventually(() => socket.sent.length >= 1)
    socket.upsert([await customerImage(server!, PHONE, await phonePhoto({ width: 400, height: 400 }), { id: 'IMG-PII', caption: 'y este otro?' })])
    await eventually(() => socket.sent.length >= 2)
    await a.idle()

    const exchanges = (await call(a, 'review.list', { status: 'pending', limit: 50 })).items
    expect(exchanges.length).toBeGreaterThan(0)
    await call(a, 'review.score', { ids: exchanges.map((e) => e.id), score: 5 })
    await call(a, 'review.approve', { ids: exchanges.map((e) => e.id) })
    const dataset = await call(a, 'datasets.create', { includeUnreviewed: true })
    const written = readdirSync(dataset.path!).map((file) => readFileSync(join(dataset.path!, file), 'utf8')).join('\n')
    expect(written).toContain('Cuánto cuesta el parlante')
    for (const secret of ['300 765 4321', '3007654321', 'ana.gomez@example.com', 'calle 45', 'media/messages', Buffer.from(voice).toString('base64')]) {
      expect(written, secret).not.toContain(secret)
    }
    // The photo's description stays on the message, for the owner: never in a prompt either.
    expect(ollama!.chatRequests.filter((r) => !r.messages.some((m) => m.images?.length)).some((r) => JSON.stringify(r).includes('calle 45'))).toBe(false)
  })

  it('a voice note with no Whisper model, or one that fails, gets the polite line and tells the owner', async () => {
    const transcriber = fakeTranscriber(() => new TranscriptionError('decode failed', 'decode'))
    const { a, socket, alerts } = await start({ transcriber })
    socket.upsert([await customerVoiceNote(server!, PHONE, new Uint8Array([9, 9, 9]), { id: 'PTT-BAD' })])
    await eventually(() => socket.sent.length >= 1)
    await a.idle()
    expect(socket.sent[0]?.text).toBe(a.settings.get().whatsapp.unsupportedReply)
    expect(a.repos.messages.findByExternalId('whatsapp:PTT-BAD')).toMatchObject({ transcriptStatus: 'failed', text: null })
    expect(alerts).toEqual([expect.objectContaining({ kind: 'media_unread', text: expect.stringMatching(/nota de voz/) })])
  })

  it('with no speech engine at all the voice note is stored and marked no_model', async () => {
    const { a, socket, alerts } = await start({ transcriber: null })
    socket.upsert([await customerVoiceNote(server!, PHONE, new Uint8Array([1, 2, 3]), { id: 'PTT-NONE' })])
    await eventually(() => socket.sent.length >= 1)
    await a.idle()
    expect(a.repos.messages.findByExternalId('whatsapp:PTT-NONE')).toMatchObject({ transcriptStatus: 'no_model', mediaMime: 'audio/ogg; codecs=opus', mediaBytes: 3 })
    expect(alerts.map((x) => x.kind)).toEqual(['media_unread'])
  })

  it('a photo the owner sends from the phone is stored too (and is a takeover), never described', async () => {
    const { a, socket } = await start({ ollama: { models: ['llava:7b'], visionModels: ['llava:7b'] } })
    socket.upsert([customerText(PHONE, 'hola')])
    await eventually(() => socket.sent.length >= 1)
    await a.idle()
    const fromPhone = await customerImage(server!, PHONE, await phonePhoto({ width: 800, height: 600 }), { id: 'OWN-IMG', caption: 'mira' })
    fromPhone.key.fromMe = true
    socket.upsert([fromPhone])
    await eventually(() => a.repos.messages.findByExternalId('whatsapp:OWN-IMG')?.mediaPath)
    await a.idle()
    expect(a.repos.messages.findByExternalId('whatsapp:OWN-IMG')).toMatchObject({ author: 'owner', kind: 'image', text: 'mira', mediaMime: 'image/jpeg', mediaDescription: null })
    expect(ollama!.chatRequests.some((r) => r.messages.some((m) => m.images?.length))).toBe(false)
    expect((await call(a, 'conversations.list', {}))[0]?.botMode).not.toBe('bot')
  })

  it('the owner sends a photo from the reply box: a takeover, sent as a WhatsApp image', async () => {
    const { a, socket } = await start()
    socket.upsert([customerText(PHONE, 'hola')])
    await eventually(() => socket.sent.length >= 1)
    await a.idle()
    const [conversation] = await call(a, 'conversations.list', {})
    const sent = await call(a, 'conversations.sendPhoto', { conversationId: conversation!.id, dataBase64: b64(await phonePhoto()), mimeType: 'image/jpeg', caption: 'Así es por detrás' })
    expect(sent).toMatchObject({ author: 'owner', kind: 'image', text: 'Así es por detrás', status: 'sent', media: { mimeType: 'image/jpeg' } })
    expect(socket.sent.at(-1)).toMatchObject({ text: 'Así es por detrás', image: { mimetype: 'image/jpeg' } })
    expect((await call(a, 'conversations.list', {}))[0]?.botMode).not.toBe('bot')
    const refused = await a.dispatch('conversations.sendPhoto', { conversationId: conversation!.id, dataBase64: b64(new TextEncoder().encode('x')), mimeType: 'image/png' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
