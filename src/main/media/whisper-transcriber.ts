// The real Transcriber: the voice note is decoded in Node (ogg-opus.ts), written as a WAV in the
// data folder's work area, and transcribed by whisper.cpp's whisper-cli in a child process — with
// one core left free for other customers' answers, and above a training under way (a customer
// waits on this transcript; nobody waits on a training). Nothing
// leaves the computer: whisper-cli is built without any network code.
import { spawn } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, setPriority } from 'node:os'
import { join } from 'node:path'
import type { Logger } from '../kernel/logger'
import { AudioDecodeError, decodeOggOpus, encodeWav } from './ogg-opus'
import { MAX_VOICE_NOTE_SECONDS, TranscriptionError, type Transcript, type Transcriber } from './transcriber'

/** Between normal (0) and a training's nice 10. */
const TRANSCRIPTION_PRIORITY = 5

export interface WhisperTranscriberDeps {
  /** The model file to use, or null while none is installed (see installedWhisperModel). */
  modelPath: () => string | null
  /** whisper-cli, or null when this installation lacks it (see findWhisperCli). */
  cliPath: () => string | null
  /** A private folder for the short-lived WAV files (inside the data folder: audio never goes elsewhere). */
  workDir: string
  logger: Logger
  /** The language spoken in the notes (default 'es'); 'auto' lets Whisper guess. */
  language?: string
  /** CPU threads for whisper-cli (default: all cores but one). */
  threads?: number
  /** Notes longer than this are transcribed up to here (default MAX_VOICE_NOTE_SECONDS). */
  maxSeconds?: number
  /** A transcription that runs longer is stopped (default 10 minutes: a slow PC and a long note). */
  timeoutMs?: number
  /** A voice note arrived (available() or transcribe()) and no model is installed: the app starts its download. */
  onMissingModel?: () => void
}

const OGG_TYPES = /^(audio\/(ogg|opus|x-opus\+ogg)|application\/ogg)\b/i

export const NO_MODEL_MESSAGE = 'Todavía no está descargado el modelo que entiende las notas de voz. Descárgalo en «Primeros pasos» → «Modelo».'
const NO_ENGINE_MESSAGE = 'Falta en esta instalación el programa que transcribe las notas de voz (whisper.cpp).'
const ENGINE_FAILED_MESSAGE = 'No se pudo transcribir la nota de voz en este computador.'
const TIMEOUT_MESSAGE = 'La nota de voz tardó demasiado en transcribirse y se dejó de lado.'

interface WhisperJson {
  result?: { language?: unknown }
  transcription?: { text?: unknown }[]
}

export class WhisperTranscriber implements Transcriber {
  /** One transcription at a time: two would only share the same cores and both finish later. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly deps: WhisperTranscriberDeps) {
    // A crash mid-transcription leaves a customer's audio behind: the work area starts empty.
    rmSync(deps.workDir, { recursive: true, force: true })
  }

  /**
   * Whether a note can be heard now. The pipeline asks when a voice note arrives, so a "no" for
   * want of a model is also the moment to fetch one ("on first use"): the next notes are heard.
   */
  available(): boolean {
    if (this.deps.cliPath() === null) return false
    if (this.deps.modelPath() !== null) return true
    this.deps.onMissingModel?.()
    return false
  }

  /**
   * Transcribes a voice note. Failures throw TranscriptionError with a Spanish message; an abort
   * through `signal` rejects with the signal's reason (like fetch), and stops whisper-cli.
   */
  transcribe(audio: Uint8Array, mimeType: string, signal?: AbortSignal): Promise<Transcript> {
    const run = this.queue.then(() => this.transcribeNow(audio, mimeType, signal))
    this.queue = run.catch(() => undefined)
    return run
  }

  private async transcribeNow(audio: Uint8Array, mimeType: string, signal?: AbortSignal): Promise<Transcript> {
    signal?.throwIfAborted()
    const model = this.deps.modelPath()
    if (!model) {
      this.deps.onMissingModel?.()
      throw new TranscriptionError(NO_MODEL_MESSAGE, 'no_model')
    }
    const cli = this.deps.cliPath()
    if (!cli) throw new TranscriptionError(NO_ENGINE_MESSAGE, 'engine')
    if (!OGG_TYPES.test(mimeType.trim())) {
      throw new TranscriptionError(`Este tipo de audio (${mimeType || 'desconocido'}) todavía no se puede escuchar; solo las notas de voz de WhatsApp.`, 'decode')
    }

    const maxSeconds = this.deps.maxSeconds ?? MAX_VOICE_NOTE_SECONDS
    let decoded
    try {
      decoded = await decodeOggOpus(audio, maxSeconds)
    } catch (error) {
      if (error instanceof AudioDecodeError) throw new TranscriptionError(error.message, 'decode', { cause: error })
      throw new TranscriptionError('El audio llegó dañado o incompleto y no se puede escuchar.', 'decode', { cause: error })
    }
    signal?.throwIfAborted()

    mkdirSync(this.deps.workDir, { recursive: true, mode: 0o700 })
    const dir = await mkdtemp(join(this.deps.workDir, 'voice-'))
    try {
      const wav = join(dir, 'note.wav')
      const outBase = join(dir, 'note')
      await writeFile(wav, encodeWav(decoded.samples), { mode: 0o600 })
      const started = Date.now()
      // -nt: no timestamp tokens (the app keeps only the text, and decoding is a little cheaper);
      // -oj: the result as JSON, with the language; -np: nothing else on the console.
      const args = ['-m', model, '-f', wav, '-l', this.deps.language ?? 'es', '-t', String(this.threads()), '-nt', '-oj', '-of', outBase, '-np']
      await this.runCli(cli, args, signal)
      const json = JSON.parse(await readFile(`${outBase}.json`, 'utf8')) as WhisperJson
      const text = (json.transcription ?? [])
        .map((segment) => (typeof segment.text === 'string' ? segment.text : ''))
        .join('')
        .replace(/\s+/g, ' ')
        .trim()
      const language = typeof json.result?.language === 'string' ? json.result.language : null
      this.deps.logger.info('Voice note transcribed', {
        seconds: Math.round(decoded.durationSec * 10) / 10,
        truncated: decoded.truncated,
        ms: Date.now() - started,
      })
      return { text, durationSec: decoded.durationSec, truncated: decoded.truncated, language }
    } catch (error) {
      if (error instanceof TranscriptionError || signal?.aborted) throw error
      throw new TranscriptionError(ENGINE_FAILED_MESSAGE, 'engine', { cause: error })
    } finally {
      await rm(dir, { recursive: true, force: true }).catch(() => undefined)
    }
  }

  private threads(): number {
    return this.deps.threads ?? Math.max(1, Math.min(8, availableParallelism() - 1))
  }

  private runCli(cli: string, args: string[], signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(cli, args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true })
      if (child.pid !== undefined) {
        try {
          // A step below the app and Ollama, but above a training (nice 10): a customer is waiting on it.
          setPriority(child.pid, TRANSCRIPTION_PRIORITY)
        } catch (error) {
          this.deps.logger.debug('Could not lower whisper-cli priority', { error })
        }
      }
      let stderr = ''
      child.stderr.setEncoding('utf8')
      child.stderr.on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-4000)
      })
      let timedOut = false
      const timer = setTimeout(() => {
        timedOut = true
        child.kill('SIGKILL')
      }, this.deps.timeoutMs ?? 600_000)
      timer.unref()
      const onAbort = () => child.kill('SIGKILL')
      signal?.addEventListener('abort', onAbort, { once: true })
      const done = () => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
      }
      child.on('error', (error) => {
        done()
        reject(new TranscriptionError(ENGINE_FAILED_MESSAGE, 'engine', { cause: error }))
      })
      child.on('close', (code, killedBy) => {
        done()
        if (signal?.aborted) return reject(signal.reason)
        if (timedOut) return reject(new TranscriptionError(TIMEOUT_MESSAGE, 'engine'))
        if (code === 0) return resolve()
        const tail = stderr.trim().split('\n').slice(-5).join('\n')
        this.deps.logger.warn('whisper-cli failed', { code, signal: killedBy, stderr: tail })
        reject(new TranscriptionError(ENGINE_FAILED_MESSAGE, 'engine', { cause: new Error(`whisper-cli exited with ${killedBy ?? code}: ${tail}`) }))
      })
    })
  }
}
