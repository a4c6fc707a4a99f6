import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../../src/main/kernel/logger'
import { findWhisperCli } from '../../src/main/media/whisper-cli'
import { WhisperTranscriber } from '../../src/main/media/whisper-transcriber'
import { foldSpanish } from '../../src/shared/spanish-fold'
import { makeVoiceNote, voiceToolsMissing } from '../support/voice-notes'

// Runs with a real Whisper model file (AUTODIDACTA_WHISPER_MODEL=/path/to/ggml-base.bin, one of
// huggingface.co/ggerganov/whisper.cpp's files); the rest of the suite uses a tiny random model,
// because no real model can be downloaded on the test machines.
const modelPath = process.env.AUTODIDACTA_WHISPER_MODEL
const cli = findWhisperCli({ env: process.env })
const why = !modelPath
  ? 'AUTODIDACTA_WHISPER_MODEL is not set'
  : !existsSync(modelPath)
    ? `AUTODIDACTA_WHISPER_MODEL=${modelPath} does not exist`
    : !cli
      ? 'whisper-cli is not built (npm run build:whisper)'
      : voiceToolsMissing()
if (why) {
  console.warn(
    `[whisper-live] SKIPPED: ${why}. The transcription pipeline is covered with a tiny test model; ` +
      'point AUTODIDACTA_WHISPER_MODEL at a real ggml Whisper model to check what it hears.',
  )
}

describe.skipIf(why !== null)('live Whisper model', () => {
  // Made in beforeAll: a skipped suite still runs this callback, but never its afterAll.
  let dir = ''
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'autodidacta-whisper-live-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('hears a Spanish voice note made with espeak-ng', async () => {
    const note = makeVoiceNote(dir, 'Hola, quiero comprar dos parlantes portátiles. ¿Cuánto cuestan?')
    const transcriber = new WhisperTranscriber({ modelPath: () => modelPath!, cliPath: () => cli, workDir: join(dir, 'work'), logger: silentLogger })
    const transcript = await transcriber.transcribe(note.ogg, 'audio/ogg; codecs=opus')
    console.info(`[whisper-live] heard: «${transcript.text}»`)
    expect(transcript.language).toBe('es')
    expect(Math.abs(transcript.durationSec - note.seconds)).toBeLessThan(0.05)
    // espeak-ng's robotic voice is hard even for people: ask for some of the words, not all.
    const heard = foldSpanish(transcript.text)
    const words = ['hola', 'quiero', 'comprar', 'dos', 'parlante', 'cuanto', 'cuestan']
    expect(words.filter((word) => heard.includes(word)).length).toBeGreaterThanOrEqual(3)
  }, 300_000)
})
