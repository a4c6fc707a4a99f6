// Downloads of the Whisper speech model straight from its official host (no Ollama in between):
// plain HTTP with Range requests, so a dropped connection, a cancel or a restart resumes from the
// bytes already on disk (`<file>.part`); retries with backoff like the Ollama pulls; the SHA-1
// whisper.cpp publishes for each file is checked before the file takes its real name, so a
// damaged download is never used.
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { ModelPullDto } from '../../shared/setup'
import type { Clock } from '../kernel/clock'
import type { Logger } from '../kernel/logger'
import type { WhisperModelInfo } from '../media/whisper-models'
import { percentOf, PULL_RETRY_DELAYS_MS, PullEvents, waitOrWake, type PullEntry } from './pull-events'
import { SpeedMeter } from './pull-progress'

export interface WhisperPullsDeps {
  /** The data folder's speech-model folder. */
  dir: string
  models: readonly WhisperModelInfo[]
  emit: (pull: ModelPullDto) => void
  logger: Logger
  clock?: Clock
  fetch?: typeof fetch
  /** A model file arrived and was verified. */
  onDone?: (id: string) => void
  retryDelaysMs?: number[]
  maxRetries?: number
  emitIntervalMs?: number
  idleTimeoutMs?: number
}

interface Entry extends PullEntry {
  info: WhisperModelInfo
  meter: SpeedMeter
  controller: AbortController | null
  cancelled: boolean
  run: Promise<void> | null
}

export const WHISPER_DROPPED_MESSAGE = 'Se cortó la conexión a mitad de la descarga; la retomamos donde quedó.'
export const WHISPER_DAMAGED_MESSAGE = 'El archivo del modelo llegó dañado; lo descargamos de nuevo.'
const NOT_FOUND_MESSAGE = 'El servidor ya no ofrece este modelo de voz. Actualiza la aplicación para ver los modelos disponibles.'
const NO_SPACE_MESSAGE = 'No queda espacio en el disco para el modelo de voz. Libera espacio y vuelve a intentarlo.'

class PullFailure extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message)
  }
}

const ACTIVE: ReadonlySet<ModelPullDto['state']> = new Set(['queued', 'downloading', 'verifying'])

export class WhisperPulls {
  private readonly entries = new Map<string, Entry>()
  private closing = false
  private readonly clock: Clock
  private readonly fetchImpl: typeof fetch
  private readonly events: PullEvents

  constructor(private readonly deps: WhisperPullsDeps) {
    this.clock = deps.clock ?? Date.now
    this.fetchImpl = deps.fetch ?? fetch
    this.events = new PullEvents({ emit: deps.emit, clock: this.clock, intervalMs: deps.emitIntervalMs ?? 250, closing: () => this.closing })
  }

  get(id: string): ModelPullDto | null {
    return this.entries.get(id)?.dto ?? null
  }

  /** The partial file of a model, where its bytes gather until they are verified. */
  partPath(info: WhisperModelInfo): string {
    return join(this.deps.dir, `${info.file}.part`)
  }

  start(id: string): ModelPullDto {
    const info = this.deps.models.find((m) => m.id === id)
    if (!info) throw new Error(`unknown Whisper model ${id}`)
    const existing = this.entries.get(id)
    if (existing && (ACTIVE.has(existing.dto.state) || existing.dto.retrying)) return existing.dto
    const now = this.clock()
    const have = sizeOf(this.partPath(info))
    const entry: Entry = {
      info,
      dto: {
        name: id,
        state: 'queued',
        completedBytes: have,
        totalBytes: info.bytes,
        percent: percentOf(have, info.bytes),
        bytesPerSecond: null,
        etaSeconds: null,
        error: null,
        retrying: false,
        startedAt: now,
        updatedAt: now,
      },
      meter: new SpeedMeter(),
      controller: null,
      wake: null,
      cancelled: false,
      run: null,
      lastEmit: 0,
      emitTimer: null,
    }
    this.entries.set(id, entry)
    this.events.now(entry)
    entry.run = this.runWithRetries(entry).catch((error: unknown) => {
      this.deps.logger.error('Whisper model download failed unexpectedly', { id, error })
      this.events.finish(entry, { state: 'failed', error: `La descarga falló: ${error instanceof Error ? error.message : String(error)}` })
    })
    return entry.dto
  }

  /** Stops a download; what arrived stays on disk and the next download resumes from it. */
  cancel(id: string): ModelPullDto | null {
    const entry = this.entries.get(id)
    if (!entry) return null
    if (entry.dto.state === 'done' || entry.dto.state === 'cancelled') return entry.dto
    entry.cancelled = true
    entry.controller?.abort()
    entry.wake?.()
    this.events.finish(entry, { state: 'cancelled', error: null })
    return entry.dto
  }

  /** Downloads interrupted by closing the app (their `.part` files are there) go on. */
  resumeUnfinished(): void {
    for (const info of this.deps.models) {
      if (sizeOf(this.partPath(info)) > 0 && !this.entries.has(info.id)) this.start(info.id)
    }
  }

  async close(): Promise<void> {
    this.closing = true
    for (const entry of this.entries.values()) {
      entry.controller?.abort()
      entry.wake?.()
      if (entry.emitTimer) clearTimeout(entry.emitTimer)
    }
    await Promise.allSettled([...this.entries.values()].map((entry) => entry.run))
  }

  private async runWithRetries(entry: Entry): Promise<void> {
    const delays = this.deps.retryDelaysMs ?? PULL_RETRY_DELAYS_MS
    const maxRetries = this.deps.maxRetries ?? 8
    let failures = 0
    for (;;) {
      const before = entry.dto.completedBytes
      let failure: PullFailure
      try {
        await this.downloadOnce(entry)
        await this.verifyAndInstall(entry)
        this.events.finish(entry, { state: 'done', error: null })
        this.deps.onDone?.(entry.info.id)
        return
      } catch (error) {
        if (entry.cancelled || this.closing) return
        failure = error instanceof PullFailure ? error : new PullFailure(WHISPER_DROPPED_MESSAGE, true)
        if (!(error instanceof PullFailure)) this.deps.logger.warn('Whisper model download interrupted', { id: entry.info.id, error })
      }
      if (!failure.transient) {
        this.events.finish(entry, { state: 'failed', error: failure.message })
        return
      }
      if (entry.dto.completedBytes > before) failures = 0
      failures += 1
      if (failures > maxRetries) {
        // the .part file stays: the next start of the app, or the owner's button, resumes it
        this.events.finish(entry, { state: 'paused', error: failure.message })
        return
      }
      this.events.update(entry, { state: 'downloading', error: failure.message, retrying: true, bytesPerSecond: null, etaSeconds: null }, true)
      await waitOrWake(entry, delays[Math.min(failures - 1, delays.length - 1)]!)
      if (entry.cancelled || this.closing) return
    }
  }

  private async downloadOnce(entry: Entry): Promise<void> {
    mkdirSync(this.deps.dir, { recursive: true, mode: 0o700 })
    const part = this.partPath(entry.info)
    let have = sizeOf(part)
    const controller = new AbortController()
    entry.controller = controller
    let idleFired = false
    let idle: NodeJS.Timeout | null = null
    const resetIdle = () => {
      if (idle) clearTimeout(idle)
      idle = setTimeout(() => {
        idleFired = true
        controller.abort()
      }, this.deps.idleTimeoutMs ?? 60_000)
      idle.unref()
    }
    resetIdle()
    try {
      const response = await this.fetchImpl(entry.info.url, {
        headers: have > 0 ? { Range: `bytes=${have}-` } : {},
        signal: controller.signal,
        redirect: 'follow',
      })
      if (response.status === 416 && have > 0) {
        // the part already holds every byte (the app closed while verifying): verify it
        await response.body?.cancel()
        return
      }
      if (response.status === 404 || response.status === 403 || response.status === 410) {
        await response.body?.cancel()
        throw new PullFailure(NOT_FOUND_MESSAGE, false)
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel()
        throw new PullFailure(WHISPER_DROPPED_MESSAGE, true)
      }
      if (response.status !== 206) have = 0 // the server sent the whole file: start over
      const total = totalOf(response, have) ?? entry.info.bytes
      this.events.update(entry, { state: 'downloading', completedBytes: have, totalBytes: total, percent: percentOf(have, total), retrying: false, error: null }, true)
      entry.meter.restart()
      entry.meter.sample(have, this.clock())
      const out = createWriteStream(part, { flags: have > 0 ? 'a' : 'w', mode: 0o600 })
      const closed = new Promise<void>((resolve, reject) => {
        out.on('close', resolve)
        out.on('error', reject)
      })
      let received = have
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          resetIdle()
          if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve))
          received += chunk.length
          entry.meter.sample(received, this.clock())
          this.events.update(
            entry,
            {
              completedBytes: received,
              percent: percentOf(received, total),
              bytesPerSecond: entry.meter.bytesPerSecond,
              etaSeconds: entry.meter.etaSeconds(total - received),
            },
            false,
          )
        }
      } finally {
        out.end()
        await closed.catch((error: unknown) => {
          throw isNoSpace(error) ? new PullFailure(NO_SPACE_MESSAGE, false) : error
        })
      }
      if (received < total) throw new PullFailure(WHISPER_DROPPED_MESSAGE, true)
    } catch (error) {
      if (error instanceof PullFailure) throw error
      if (isNoSpace(error)) throw new PullFailure(NO_SPACE_MESSAGE, false)
      if (idleFired) throw new PullFailure(WHISPER_DROPPED_MESSAGE, true)
      throw error
    } finally {
      if (idle) clearTimeout(idle)
      entry.controller = null
    }
  }

  private async verifyAndInstall(entry: Entry): Promise<void> {
    this.events.update(entry, { state: 'verifying', retrying: false, error: null, bytesPerSecond: null, etaSeconds: null }, true)
    const part = this.partPath(entry.info)
    const hash = createHash('sha1')
    for await (const chunk of createReadStream(part)) hash.update(chunk as Buffer)
    const sum = hash.digest('hex')
    if (sum !== entry.info.sha1) {
      this.deps.logger.warn('Whisper model checksum mismatch; downloading again', { id: entry.info.id, sum })
      rmSync(part, { force: true })
      entry.dto = { ...entry.dto, completedBytes: 0, percent: 0 }
      throw new PullFailure(WHISPER_DAMAGED_MESSAGE, true)
    }
    renameSync(part, join(this.deps.dir, entry.info.file))
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

/** The whole file's size: Content-Range's total on a resumed download, else what comes plus what we have. */
function totalOf(response: Response, have: number): number | null {
  const range = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '')
  if (range) return Number(range[1])
  const length = Number(response.headers.get('content-length'))
  return Number.isFinite(length) && length > 0 ? length + have : null
}

function isNoSpace(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ENOSPC'
}
