import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../../src/main/kernel/logger'
import { MAX_VOICE_NOTE_SECONDS, TranscriptionError } from '../../src/main/media/transcriber'
import { findWhisperCli } from '../../src/main/media/whisper-cli'
import { installedWhisperModel, whisperModelsDir } from '../../src/main/media/whisper-models'
import { WhisperTranscriber } from '../../src/main/media/whisper-transcriber'
import { TINY_WHISPER_WORD, writeTinyWhisperModel } from '../support/tiny-whisper-model'
import { makeVoiceNote, voiceToolsMissing } from '../support/voice-notes'

// The whole pipeline — Ogg Opus → 16 kHz WAV → whisper-cli → Transcript — on a tiny random-weight
// Whisper model the test writes itself (no real model can be downloaded here): it checks that the
// pipeline runs and reports the note faithfully, not what the words are (whisper-live tests that).
const cli = findWhisperCli({ env: process.env })
const tools = voiceToolsMissing()
const skip = !cli ? 'whisper-cli is not built (npm run build:whisper)' : tools
if (skip) console.warn(`[whisper-transcriber] SKIPPED: ${skip}.`)

describe.skipIf(skip !== null)('WhisperTranscriber with whisper.cpp and a tiny test model', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'autodidacta-whisper-'))
  const modelsDir = whisperModelsDir(dataDir)
  const workDir = join(dataDir, 'tmp', 'voice')
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))
  const transcriber = (options: { maxSeconds?: number; cliPath?: string | null } = {}) =>
    new WhisperTranscriber({
      modelPath: () => installedWhisperModel(modelsDir)?.path ?? null,
      cliPath: () => (options.cliPath === undefined ? cli : options.cliPath),
      workDir,
      logger: silentLogger,
      threads: 1,
      ...(options.maxSeconds ? { maxSeconds: options.maxSeconds } : {}),
    })
  const note = skip ? null : makeVoiceNote(dataDir, 'Buenas tardes, ¿cuánto cuesta el curso de piano? Lo quiero para mi hija.')
  const mime = 'audio/ogg; codecs=opus'

  it('is unavailable, and says so in Spanish, until a model is installed in the data folder', async () => {
    let missing = 0
    const t = new WhisperTranscriber({ modelPath: () => installedWhisperModel(modelsDir)?.path ?? null, cliPath: () => cli, workDir, logger: silentLogger, onMissingModel: () => missing++ })
    // asked when a voice note arrives: no model, so its download starts
    expect(t.available()).toBe(false)
    expect(missing).toBe(1)
    const error = await t.transcribe(note!.ogg, mime).catch((e: unknown) => e)
    expect(missing).toBe(2)
    expect(error).toBeInstanceOf(TranscriptionError)
    expect((error as TranscriptionError).reason).toBe('no_model')
    expect((error as TranscriptionError).message).toMatch(/modelo/)
    // a half-downloaded file does not count
    mkdirSync(modelsDir, { recursive: true })
    writeFileSync(join(modelsDir, 'ggml-base.bin.part'), 'partial')
    expect(t.available()).toBe(false)
  })

  it('transcribes a voice note through whisper-cli and reports its length and language', async () => {
    writeTinyWhisperModel(join(modelsDir, 'ggml-base.bin'))
    const t = transcriber()
    expect(t.available()).toBe(true)
    expect(transcriber({ cliPath: null }).available()).toBe(false)
    const transcript = await t.transcribe(note!.ogg, mime)
    expect(transcript.truncated).toBe(false)
    expect(Math.abs(transcript.durationSec - note!.seconds)).toBeLessThan(0.05)
    expect(transcript.language).toBe('es')
    // the tiny model says its one word per 30-second window: whisper-cli's JSON was read
    expect(transcript.text).toBe(TINY_WHISPER_WORD)
    // the WAV lived only in the data folder's work area, and is gone
    expect(readdirSync(workDir)).toEqual([])
  })

  it(`cuts notes longer than ${MAX_VOICE_NOTE_SECONDS} s and says so, with the whole note’s length`, async () => {
    const long = makeVoiceNote(dataDir, 'Hola, quería saber si todavía tienen el parlante portátil.', { minSeconds: MAX_VOICE_NOTE_SECONDS + 12 })
    const transcript = await transcriber().transcribe(long.ogg, 'audio/ogg')
    expect(transcript.truncated).toBe(true)
    expect(transcript.durationSec).toBeGreaterThan(MAX_VOICE_NOTE_SECONDS)
    expect(Math.abs(transcript.durationSec - long.seconds)).toBeLessThan(0.05)
    // only the first MAX_VOICE_NOTE_SECONDS reached whisper: fewer 30-second windows than the whole note
    const whole = await transcriber({ maxSeconds: 600 }).transcribe(long.ogg, 'audio/ogg')
    expect(whole.truncated).toBe(false)
    const windows = (text: string) => text.split(' ').filter((word) => word === TINY_WHISPER_WORD).length
    expect(windows(transcript.text)).toBe(Math.ceil(MAX_VOICE_NOTE_SECONDS / 30))
    expect(windows(whole.text)).toBe(Math.ceil(long.seconds / 30))
  }, 120_000)

  it('stops whisper-cli when the caller aborts', async () => {
    const long = makeVoiceNote(dataDir, 'Necesito tres cuadernos y un lápiz, por favor.', { minSeconds: 170 })
    const controller = new AbortController()
    // with whisper tiny's real shapes (width 384, 4 layers) six windows take seconds even on a fast machine
    const slowModel = join(dataDir, 'tiny-shaped.bin')
    writeTinyWhisperModel(slowModel, { state: 384, heads: 6, layers: 4 })
    const t = new WhisperTranscriber({ modelPath: () => slowModel, cliPath: () => cli, workDir, logger: silentLogger, threads: 1 })
    const running = t.transcribe(long.ogg, mime, controller.signal).catch((e: unknown) => e)
    // abort once whisper-cli is at work (its WAV is written right before it starts)
    const started = () => existsSync(workDir) && readdirSync(workDir).some((d) => existsSync(join(workDir, d, 'note.wav')))
    while (!started()) await new Promise((r) => setTimeout(r, 10))
    await new Promise((r) => setTimeout(r, 200))
    const abortedAt = Date.now()
    controller.abort()
    const error = await running
    expect((error as Error).name).toBe('AbortError')
    // killed, not waited for (the whole note takes several seconds with this model)
    expect(Date.now() - abortedAt).toBeLessThan(1_500)
    expect(readdirSync(workDir)).toEqual([])
    // an already-aborted signal never starts anything
    await expect(t.transcribe(note!.ogg, mime, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' })
    // and the transcriber still works afterwards
    expect((await t.transcribe(note!.ogg, mime)).durationSec).toBeGreaterThan(1)
  }, 60_000)

  it('turns broken audio, other formats and a broken model into TranscriptionErrors in Spanish', async () => {
    const t = transcriber()
    const broken = await t.transcribe(new Uint8Array(3000).fill(7), mime).catch((e: unknown) => e)
    expect(broken).toMatchObject({ name: 'TranscriptionError', reason: 'decode' })
    expect((broken as Error).message).toMatch(/dañado/)
    const mp4 = await t.transcribe(note!.ogg, 'audio/mp4').catch((e: unknown) => e)
    expect(mp4).toMatchObject({ reason: 'decode' })
    expect((mp4 as Error).message).toMatch(/audio\/mp4/)

    const otherDir = join(dataDir, 'broken-model')
    mkdirSync(otherDir)
    writeFileSync(join(otherDir, 'ggml-small.bin'), Buffer.alloc(4096, 1))
    const badModel = new WhisperTranscriber({
      modelPath: () => installedWhisperModel(otherDir)?.path ?? null,
      cliPath: () => cli,
      workDir,
      logger: silentLogger,
    })
    const engine = await badModel.transcribe(note!.ogg, mime).catch((e: unknown) => e)
    expect(engine).toMatchObject({ name: 'TranscriptionError', reason: 'engine' })
    expect((engine as Error).message).toMatch(/No se pudo transcribir/)
    expect(readdirSync(workDir)).toEqual([])
  })

  it('runs one transcription at a time', async () => {
    const t = transcriber()
    const results = await Promise.all([t.transcribe(note!.ogg, mime), t.transcribe(new Uint8Array(10), mime).catch((e: unknown) => e), t.transcribe(note!.ogg, mime)])
    expect((results[0] as { durationSec: number }).durationSec).toBeGreaterThan(1)
    expect(results[1]).toBeInstanceOf(TranscriptionError)
    expect((results[2] as { durationSec: number }).durationSec).toBeGreaterThan(1)
  })
})
