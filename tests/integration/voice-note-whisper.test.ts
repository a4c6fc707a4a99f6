import { mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ModelPullDto } from '../../src/shared/setup'
import { findWhisperCli } from '../../src/main/media/whisper-cli'
import { whisperModelsDir } from '../../src/main/media/whisper-models'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { buildTestApp, callApi as call, eventually, tempDir, type TestApp } from '../support/test-app'
import { TINY_WHISPER_WORD, writeTinyWhisperModel } from '../support/tiny-whisper-model'
import { makeVoiceNote, voiceToolsMissing } from '../support/voice-notes'
import { customerVoiceNote, socketDoubleFactory, startMediaServerDouble, type MediaServerDouble } from '../support/whatsapp-socket-double'

// A customer's voice note through the whole app with the app's OWN transcriber (no fake): a real
// Baileys audio message carrying espeak-ng speech in Ogg Opus, whisper-cli, and the tiny test model
// in the data folder. The tiny model hears its one word per 30-second window.
const cli = findWhisperCli({ env: process.env })
const skip = !cli ? 'whisper-cli is not built (npm run build:whisper)' : voiceToolsMissing()
if (skip) console.warn(`[voice-note-whisper] SKIPPED: ${skip}.`)
const PHONE = '573001234567'

describe.skipIf(skip !== null)('a WhatsApp voice note heard by the app’s own whisper.cpp transcriber', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  let server: MediaServerDouble | undefined
  // Made per test, not when the suite is collected: a suite skipped for want of whisper.cpp runs
  // no hooks, and a folder made at collection was left behind on every run.
  let dir: ReturnType<typeof tempDir>
  beforeEach(() => {
    dir = tempDir()
  })
  afterEach(async () => {
    await app?.dispose()
    await ollama?.close().catch(() => {})
    await server?.close().catch(() => {})
    app = ollama = server = undefined
    dir.remove()
  })

  async function start(dataDir: string) {
    ollama = await startOllamaDouble({ reply: (r) => `Respuesta: ${r.messages.at(-1)?.content ?? ''}` })
    server = await startMediaServerDouble()
    const factory = socketDoubleFactory()
    const a = await buildTestApp({
      dataDir,
      ollamaHost: ollama.url,
      whatsappSocketFactory: factory,
      whatsappTimings: { sendLimits: { perChatMinIntervalMs: 0, globalPerMinute: 10_000, globalBurst: 10_000, jitterMs: 0 } },
      modelPulls: { retryDelaysMs: [20], maxRetries: 1, emitIntervalMs: 10 },
    })
    app = a
    await call(a, 'settings.update', { whatsapp: { debounceMs: 0 } })
    const next = factory.next()
    await call(a, 'whatsapp.pair', { method: 'qr' })
    const socket = await next
    socket.qr()
    socket.open()
    await eventually(async () => (await call(a, 'whatsapp.status', {})).state === 'open')
    return { a, socket }
  }

  it('transcribes it, stores the transcript and its length, and answers it as the customer’s words', { timeout: 60_000 }, async () => {
    mkdirSync(whisperModelsDir(dir.path), { recursive: true })
    writeTinyWhisperModel(join(whisperModelsDir(dir.path), 'ggml-base.bin'))
    const note = makeVoiceNote(dir.path, 'Hola, ¿cuánto cuesta el parlante portátil?')
    const { a, socket } = await start(dir.path)
    expect((await call(a, 'voice.model', {})).installedId).toBe('base')

    socket.upsert([await customerVoiceNote(server!, PHONE, note.ogg, { id: 'PTT-REAL', seconds: Math.round(note.seconds) })])
    await eventually(() => socket.sent.length >= 1, 30_000)
    await a.idle()
    const stored = a.repos.messages.findByExternalId('whatsapp:PTT-REAL')!
    expect(stored).toMatchObject({ kind: 'audio', transcript: TINY_WHISPER_WORD, transcriptStatus: 'done' })
    expect(Math.abs(stored.mediaDurationSec! - note.seconds)).toBeLessThan(0.05)
    expect(socket.sent[0]?.text).toBe(`Respuesta: ${TINY_WHISPER_WORD}`)
    // the WAV handed to whisper-cli is gone from the data folder
    expect(readdirSync(join(dir.path, 'tmp', 'voice'))).toEqual([])
  })

  it('without a model: the polite line, and the first voice note starts the model’s download', { timeout: 60_000 }, async () => {
    const note = makeVoiceNote(dir.path, 'Buenas, ¿hacen envíos?')
    const { a, socket } = await start(dir.path)
    const pulls: ModelPullDto[] = []
    a.events.subscribe((event, payload) => event === 'voice.pull' && pulls.push(payload as ModelPullDto))
    socket.upsert([await customerVoiceNote(server!, PHONE, note.ogg, { id: 'PTT-NOMODEL' })])
    await eventually(() => socket.sent.length >= 1, 30_000)
    await a.idle()
    expect(socket.sent[0]?.text).toBe(a.settings.get().whatsapp.unsupportedReply)
    expect(a.repos.messages.findByExternalId('whatsapp:PTT-NOMODEL')).toMatchObject({ transcriptStatus: 'no_model' })
    // test apps download from a closed port (tests/support/test-app.ts), never from the real host
    await eventually(() => pulls.some((p) => p.state === 'queued'))
    expect(pulls[0]!.name).toBe((await call(a, 'voice.model', {})).recommendedId)
  })
})
