// "Probar el bot": the pretend customer sends a photo and a voice note, and they take the path a
// WhatsApp customer's do — media intake stores them, the Ollama double's vision model describes
// the photo (`/api/chat` with `images`), the app's own whisper.cpp transcriber hears the voice
// note (espeak-ng speech in Ogg Opus, the tiny test model) — and the bot answers what it saw and heard.
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { OwnerAlert } from '../../src/shared/api/events'
import { findWhisperCli } from '../../src/main/media/whisper-cli'
import { whisperModelsDir } from '../../src/main/media/whisper-models'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { phonePhoto } from '../support/photos'
import { buildTestApp, callApi as call, eventually, tempDir, type TestApp } from '../support/test-app'
import { TINY_WHISPER_WORD, writeTinyWhisperModel } from '../support/tiny-whisper-model'
import { makeVoiceNote, voiceToolsMissing } from '../support/voice-notes'

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
const cli = findWhisperCli({ env: process.env })
const noSpeech = voiceToolsMissing()
const noWhisper = !cli ? 'whisper-cli is not built (npm run build:whisper)' : noSpeech
if (noWhisper) console.warn(`[simulator-media] voice-note transcription SKIPPED: ${noWhisper}.`)

describe('"Probar el bot": the pretend customer sends a photo and a voice note', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  let dir = tempDir()
  afterEach(async () => {
    await app?.dispose()
    await ollama?.close().catch(() => {})
    app = ollama = undefined
    dir.remove()
    dir = tempDir()
  })
  afterAll(() => dir.remove())

  it('a photo with a caption is stored without EXIF, described by the vision model through /api/chat with images, and answered', async () => {
    ollama = await startOllamaDouble({
      models: ['llama3.1:8b', 'llava:7b'],
      visionModels: ['llava:7b'],
      reply: (r) =>
        r.messages.some((m) => m.images?.length)
          ? JSON.stringify({ descripcion: 'Un parlante negro pequeño con correa', producto: 'Parlante Portátil 20W', comprobante: false })
          : `Respuesta: ${r.messages.at(-1)?.content ?? ''}`,
    })
    const a = (app = await buildTestApp({ ollamaHost: ollama.url, transcriber: null }))
    const alerts: OwnerAlert[] = []
    a.events.subscribe((event, payload) => event === 'owner.alert' && alerts.push(payload as OwnerAlert))
    await call(a, 'catalog.save', { product: { name: 'Parlante Portátil 20W', price: 180000 } })
    await call(a, 'catalog.save', { product: { name: 'Lámpara LED de escritorio', price: 45000 } })

    const photo = await phonePhoto({ width: 2400, height: 1800, color: '#101010' })
    const sent = await call(a, 'simulator.send', { from: 'Ana', text: '¿tienen este?', media: { kind: 'image', mimeType: 'image/jpeg', dataBase64: b64(photo) } })
    await a.idle()

    const vision = ollama.chatRequests.find((r) => r.messages.some((m) => m.images?.length))
    expect(vision?.model).toBe('llava:7b')
    expect(vision!.messages.at(-1)?.content).toContain('"Lámpara LED de escritorio"')
    const stored = a.repos.messages.get(sent.messageId)!
    expect(stored).toMatchObject({
      author: 'customer',
      kind: 'image',
      text: '¿tienen este?',
      mediaMime: 'image/jpeg',
      mediaDescription: 'Un parlante negro pequeño con correa',
      replyState: 'answered',
    })
    expect(existsSync(join(a.dataDir, 'media', stored.mediaPath!))).toBe(true)
    // What the app keeps is re-encoded, EXIF (and its GPS) gone, as for a WhatsApp photo — and that
    // copy, not the file as it came, is what the vision model saw.
    const kept = await call(a, 'media.get', { source: 'message', id: sent.messageId })
    const meta = await sharp(Buffer.from(kept.dataBase64, 'base64')).metadata()
    expect([meta.width, meta.exif]).toEqual([1600, undefined])
    expect(Buffer.from(vision!.messages.at(-1)!.images![0]!, 'base64').equals(Buffer.from(kept.dataBase64, 'base64'))).toBe(true)
    expect(Buffer.from(vision!.messages.at(-1)!.images![0]!, 'base64').equals(Buffer.from(photo))).toBe(false)

    const messages = await call(a, 'conversations.messages', { conversationId: sent.conversationId })
    // One answer: the caption answered as the customer's words (as for WhatsApp), about the product
    // the photo showed — not a guess message and then an answer that knew nothing of the photo.
    expect(messages.map((m) => [m.author, m.kind, m.text])).toEqual([
      ['customer', 'image', '¿tienen este?'],
      ['bot', 'text', 'Respuesta: ¿tienen este?'],
    ])
    const answered = ollama.chatRequests.filter((r) => !r.messages.some((m) => m.images?.length)).at(-1)!
    const system = answered.messages[0]!.content
    expect(system).toContain('Parlante Portátil 20W')
    expect(system.indexOf('Parlante Portátil 20W')).toBeLessThan(system.includes('Lámpara LED') ? system.indexOf('Lámpara LED') : Infinity)
    expect(messages[0]!.media).toMatchObject({ mimeType: 'image/jpeg', thumbnail: true })
    const [conversation] = await call(a, 'conversations.list', {})
    expect(conversation).toMatchObject({ focusProduct: { name: 'Parlante Portátil 20W' } })
    expect(alerts).toEqual([])
  })

  it.skipIf(noWhisper !== null)('a voice note is transcribed by the app’s own whisper.cpp and answered as the customer’s words', { timeout: 60_000 }, async () => {
    mkdirSync(whisperModelsDir(dir.path), { recursive: true })
    writeTinyWhisperModel(join(whisperModelsDir(dir.path), 'ggml-base.bin'))
    const note = makeVoiceNote(dir.path, 'Hola, ¿cuánto cuesta el parlante portátil?')
    ollama = await startOllamaDouble({ reply: (r) => `Respuesta: ${r.messages.at(-1)?.content ?? ''}` })
    const a = (app = await buildTestApp({ dataDir: dir.path, ollamaHost: ollama.url }))
    expect((await call(a, 'voice.model', {})).installedId).toBe('base')

    const sent = await call(a, 'simulator.send', { from: 'Ana', media: { kind: 'audio', mimeType: 'audio/ogg', dataBase64: b64(note.ogg) } })
    await eventually(() => a.repos.messages.get(sent.messageId)?.transcriptStatus === 'done', 30_000)
    await a.idle()

    const stored = a.repos.messages.get(sent.messageId)!
    expect(stored).toMatchObject({ kind: 'audio', transcript: TINY_WHISPER_WORD, text: TINY_WHISPER_WORD, mediaMime: 'audio/ogg; codecs=opus' })
    expect(Math.abs(stored.mediaDurationSec! - note.seconds)).toBeLessThan(0.05)
    const file = await call(a, 'media.get', { source: 'message', id: sent.messageId })
    expect(Buffer.from(file.dataBase64, 'base64').equals(note.ogg)).toBe(true)
    const messages = await call(a, 'conversations.messages', { conversationId: sent.conversationId })
    expect(messages.map((m) => [m.author, m.kind, m.text])).toEqual([
      ['customer', 'audio', TINY_WHISPER_WORD],
      ['bot', 'text', `Respuesta: ${TINY_WHISPER_WORD}`],
    ])
  })

  it.skipIf(noSpeech !== null)('without a speech engine the voice note is kept with its length, and gets the polite line', async () => {
    const note = makeVoiceNote(dir.path, 'Buenas, ¿hacen envíos a Medellín?')
    ollama = await startOllamaDouble({ reply: () => 'no debería usarse' })
    const a = (app = await buildTestApp({ ollamaHost: ollama.url, transcriber: null }))
    const alerts: OwnerAlert[] = []
    a.events.subscribe((event, payload) => event === 'owner.alert' && alerts.push(payload as OwnerAlert))

    const sent = await call(a, 'simulator.send', { from: 'Ana', media: { kind: 'audio', mimeType: 'audio/opus', dataBase64: b64(note.ogg) } })
    await a.idle()

    // The length the simulator read from the Ogg pages, in whole seconds as WhatsApp declares it.
    expect(a.repos.messages.get(sent.messageId)).toMatchObject({
      kind: 'audio',
      text: null,
      transcriptStatus: 'no_model',
      mediaMime: 'audio/ogg; codecs=opus',
      mediaBytes: note.ogg.byteLength,
      mediaDurationSec: Math.round(note.seconds),
    })
    const messages = await call(a, 'conversations.messages', { conversationId: sent.conversationId })
    expect(messages.at(-1)).toMatchObject({ author: 'bot', text: a.settings.get().whatsapp.unsupportedReply })
    expect(alerts.map((x) => x.kind)).toEqual(['media_unread'])
  })
})
