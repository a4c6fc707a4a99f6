// Model downloads through Ollama's POST /api/pull: streamed progress as events (a few a
// second), retries with backoff after a dropped connection (Ollama keeps the partial blobs and
// resumes them), cancel, and the unfinished ones remembered across restarts.
import type { ModelPullDto } from '../../shared/setup'
import type { Clock } from '../kernel/clock'
import type { Logger } from '../kernel/logger'
import type { SettingsRepository } from '../store/repositories/settings-repository'
import {
  classifyOllamaPullError,
  DROPPED_MESSAGE,
  isConnectionRefused,
  OLLAMA_STOPPED_MESSAGE,
  OLLAMA_UNREACHABLE_MESSAGE,
  type PullFailure,
} from './pull-errors'
import { parsePullLine, PullTotals, SpeedMeter } from './pull-progress'
import { sameModel } from '../../shared/model-catalog'
import { percentOf, PULL_RETRY_DELAYS_MS, PullEvents, waitOrWake, type PullEntry } from './pull-events'

/** The settings-table key of the downloads to resume at the next start. */
export const UNFINISHED_PULLS_KEY = 'models.unfinishedPulls'

export interface ModelPullsDeps {
  host: () => string
  repo: Pick<SettingsRepository, 'get' | 'set'>
  emit: (pull: ModelPullDto) => void
  logger: Logger
  clock?: Clock
  fetch?: typeof fetch
  /** A download finished: refresh what depends on the installed models. */
  onDone?: (name: string) => void | Promise<void>
  /** Waits between tries after a passing failure; the last one given keeps repeating until the tries run out. */
  retryDelaysMs?: number[]
  /** Tries after a passing failure before the download is paused (it resumes at the next start). */
  maxRetries?: number
  /** Fewest milliseconds between two progress events of one download. */
  emitIntervalMs?: number
  /** With no line from Ollama for this long, the connection is taken as dropped. */
  idleTimeoutMs?: number
}

interface StoredPull {
  name: string
  startedAt: number
  completedBytes: number
  totalBytes: number | null
}

interface Entry extends PullEntry {
  totals: PullTotals
  meter: SpeedMeter
  controller: AbortController | null
  cancelled: boolean
  run: Promise<void> | null
  lastStored: number
}

const ACTIVE: ReadonlySet<ModelPullDto['state']> = new Set(['queued', 'downloading', 'verifying'])
/** Progress is written to the database at most this often (it is only a display hint after a restart). */
const STORE_INTERVAL_MS = 5_000

export class ModelPulls {
  private readonly entries = new Map<string, Entry>()
  private closing = false
  private readonly clock: Clock
  private readonly fetchImpl: typeof fetch
  private readonly events: PullEvents

  constructor(private readonly deps: ModelPullsDeps) {
    this.clock = deps.clock ?? Date.now
    this.fetchImpl = deps.fetch ?? fetch
    this.events = new PullEvents({ emit: deps.emit, clock: this.clock, intervalMs: deps.emitIntervalMs ?? 250, closing: () => this.closing })
  }

  /** Downloads under way, paused and failed (not the finished or cancelled ones). */
  list(): ModelPullDto[] {
    return [...this.entries.values()].map((entry) => entry.dto).filter((dto) => dto.state !== 'done' && dto.state !== 'cancelled')
  }

  get(name: string): ModelPullDto | null {
    return this.find(name)?.dto ?? null
  }

  /** Starts (or joins) a download; the result is its first state, progress follows as events. */
  start(name: string, resumedFrom?: StoredPull): ModelPullDto {
    const existing = this.find(name)
    if (existing && (ACTIVE.has(existing.dto.state) || existing.dto.retrying)) return existing.dto
    if (existing) this.entries.delete(existing.dto.name)
    const now = this.clock()
    const entry: Entry = {
      dto: {
        name,
        state: 'queued',
        completedBytes: resumedFrom?.completedBytes ?? 0,
        totalBytes: resumedFrom?.totalBytes ?? null,
        percent: percentOf(resumedFrom?.completedBytes ?? 0, resumedFrom?.totalBytes ?? null),
        bytesPerSecond: null,
        etaSeconds: null,
        error: null,
        retrying: false,
        startedAt: resumedFrom?.startedAt ?? now,
        updatedAt: now,
      },
      totals: new PullTotals(),
      meter: new SpeedMeter(),
      controller: null,
      wake: null,
      cancelled: false,
      run: null,
      lastEmit: 0,
      emitTimer: null,
      lastStored: 0,
    }
    this.entries.set(name, entry)
    this.store(entry, true)
    this.events.now(entry)
    entry.run = this.runWithRetries(entry).catch((error: unknown) => {
      this.deps.logger.error('Model download failed unexpectedly', { name, error })
      this.finish(entry, { state: 'failed', error: `La descarga falló: ${error instanceof Error ? error.message : String(error)}` })
    })
    return entry.dto
  }

  /** Stops a download (Ollama keeps what it had; pulling again resumes it). */
  cancel(name: string): ModelPullDto | null {
    const entry = this.find(name)
    if (!entry) return null
    if (entry.dto.state === 'done' || entry.dto.state === 'cancelled') return entry.dto
    entry.cancelled = true
    entry.controller?.abort()
    entry.wake?.()
    this.finish(entry, { state: 'cancelled', error: null })
    return entry.dto
  }

  /** The downloads the app was doing when it last closed start again. */
  resumeUnfinished(): void {
    for (const stored of this.stored()) {
      if (!this.find(stored.name)) this.start(stored.name, stored)
    }
  }

  /** Stops every connection; unfinished downloads stay remembered for the next start. */
  async close(): Promise<void> {
    this.closing = true
    for (const entry of this.entries.values()) {
      entry.controller?.abort()
      entry.wake?.()
      if (entry.emitTimer) clearTimeout(entry.emitTimer)
      entry.emitTimer = null
    }
    await Promise.allSettled([...this.entries.values()].map((entry) => entry.run))
  }

  private find(name: string): Entry | undefined {
    return this.entries.get(name) ?? [...this.entries.values()].find((entry) => sameModel(entry.dto.name, name))
  }

  private async runWithRetries(entry: Entry): Promise<void> {
    const delays = this.deps.retryDelaysMs ?? PULL_RETRY_DELAYS_MS
    const maxRetries = this.deps.maxRetries ?? 8
    let failures = 0
    for (;;) {
      const before = entry.totals.completedBytes
      let failure: PullFailure
      try {
        await this.pullOnce(entry)
        this.finish(entry, { state: 'done', error: null })
        await this.deps.onDone?.(entry.dto.name)
        return
      } catch (error) {
        if (entry.cancelled) return
        if (this.closing) {
          this.store(entry, true)
          return
        }
        failure = this.failureOf(error, entry)
      }
      if (!failure.transient) {
        this.finish(entry, { state: 'failed', error: failure.message })
        return
      }
      // Bytes arrived since the last failure: the connection works, just not for long; keep going.
      if (entry.totals.completedBytes > before) failures = 0
      failures += 1
      if (failures > maxRetries) {
        // Kept: it resumes when the app starts again, or when the owner presses download.
        this.finish(entry, { state: 'paused', error: failure.message })
        return
      }
      this.update(entry, { error: failure.message, retrying: true, bytesPerSecond: null, etaSeconds: null }, true)
      this.deps.logger.warn('Model download interrupted; retrying', { name: entry.dto.name, failures, reason: failure.message })
      await waitOrWake(entry, delays[Math.min(failures - 1, delays.length - 1)]!)
      if (entry.cancelled) return
      if (this.closing) {
        this.store(entry, true)
        return
      }
    }
  }

  private async pullOnce(entry: Entry): Promise<void> {
    const controller = new AbortController()
    entry.controller = controller
    const idleMs = this.deps.idleTimeoutMs ?? 60_000
    let idle: NodeJS.Timeout | null = null
    let idleFired = false
    const resetIdle = () => {
      if (idle) clearTimeout(idle)
      idle = setTimeout(() => {
        idleFired = true
        controller.abort()
      }, idleMs)
      idle.unref()
    }
    resetIdle()
    let connected = false
    try {
      const response = await this.fetchImpl(`${this.deps.host().replace(/\/$/, '')}/api/pull`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ model: entry.dto.name, stream: true }),
        signal: controller.signal,
      })
      connected = true
      if (!response.ok || !response.body) {
        const text = await response.text().catch(() => '')
        throw new OllamaPullError(errorText(text) ?? `HTTP ${response.status}`)
      }
      entry.meter.restart()
      const decoder = new TextDecoder()
      let buffered = ''
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        resetIdle()
        buffered += decoder.decode(chunk, { stream: true })
        let newline = buffered.indexOf('\n')
        while (newline !== -1) {
          const line = buffered.slice(0, newline)
          buffered = buffered.slice(newline + 1)
          if (this.applyLine(entry, line)) return
          newline = buffered.indexOf('\n')
        }
      }
      if (this.applyLine(entry, buffered)) return
      throw new DroppedError()
    } catch (error) {
      if (error instanceof OllamaPullError || error instanceof DroppedError) throw error
      if (idleFired) throw new DroppedError()
      if (entry.cancelled || this.closing) throw error
      // Refused before any answer: Ollama is not running (any more, if bytes had come before).
      if (!connected && isConnectionRefused(error)) throw new UnreachableError(entry.totals.completedBytes > 0 || entry.dto.completedBytes > 0)
      throw new DroppedError()
    } finally {
      if (idle) clearTimeout(idle)
      entry.controller = null
    }
  }

  /** Applies one NDJSON line; true when the download is complete. */
  private applyLine(entry: Entry, text: string): boolean {
    const line = parsePullLine(text)
    if (!line) return false
    switch (line.kind) {
      case 'error':
        throw new OllamaPullError(line.message)
      case 'success':
        return true
      case 'verifying':
        this.update(entry, { state: 'verifying', retrying: false, error: null }, true)
        return false
      case 'status':
        return false
      case 'layer': {
        entry.totals.apply(line)
        const now = this.clock()
        entry.meter.sample(entry.totals.completedBytes, now)
        const totalBytes = entry.totals.totalBytes
        const completedBytes = entry.totals.completedBytes
        const stateChanged = entry.dto.state !== 'downloading' || entry.dto.retrying
        this.update(
          entry,
          {
            state: 'downloading',
            completedBytes,
            totalBytes,
            percent: entry.totals.percent,
            bytesPerSecond: entry.meter.bytesPerSecond,
            etaSeconds: entry.meter.etaSeconds(totalBytes === null ? null : totalBytes - completedBytes),
            retrying: false,
            error: null,
          },
          stateChanged,
        )
        return false
      }
    }
  }

  private failureOf(error: unknown, entry: Entry): PullFailure {
    if (error instanceof OllamaPullError) return classifyOllamaPullError(entry.dto.name, error.message)
    if (error instanceof UnreachableError) return { message: error.midway ? OLLAMA_STOPPED_MESSAGE : OLLAMA_UNREACHABLE_MESSAGE, transient: true }
    return { message: DROPPED_MESSAGE, transient: true }
  }

  private update(entry: Entry, patch: Partial<ModelPullDto>, immediately: boolean): void {
    this.events.update(entry, patch, immediately)
    this.store(entry, immediately)
  }

  private finish(entry: Entry, patch: Pick<ModelPullDto, 'state' | 'error'>): void {
    // Remembered while paused (the next start resumes it); forgotten once it ended for good.
    if (patch.state === 'paused') this.store(entry, true)
    else this.forget(entry.dto.name)
    this.events.finish(entry, patch)
  }

  private stored(): StoredPull[] {
    const value = this.deps.repo.get(UNFINISHED_PULLS_KEY)
    if (!Array.isArray(value)) return []
    return value.flatMap((item: unknown) => {
      const { name, startedAt, completedBytes, totalBytes } = (item ?? {}) as Record<string, unknown>
      if (typeof name !== 'string' || !name) return []
      return [
        {
          name,
          startedAt: typeof startedAt === 'number' ? startedAt : this.clock(),
          completedBytes: typeof completedBytes === 'number' ? completedBytes : 0,
          totalBytes: typeof totalBytes === 'number' ? totalBytes : null,
        },
      ]
    })
  }

  private store(entry: Entry, immediately: boolean): void {
    const now = this.clock()
    if (!immediately && now - entry.lastStored < STORE_INTERVAL_MS) return
    entry.lastStored = now
    const { name, startedAt, completedBytes, totalBytes } = entry.dto
    const others = this.stored().filter((pull) => !sameModel(pull.name, name))
    this.deps.repo.set(UNFINISHED_PULLS_KEY, [...others, { name, startedAt, completedBytes, totalBytes }])
  }

  private forget(name: string): void {
    const stored = this.stored()
    const kept = stored.filter((pull) => !sameModel(pull.name, name))
    if (kept.length !== stored.length) this.deps.repo.set(UNFINISHED_PULLS_KEY, kept)
  }
}

class OllamaPullError extends Error {}
class DroppedError extends Error {}
class UnreachableError extends Error {
  constructor(readonly midway: boolean) {
    super('Ollama unreachable')
  }
}

function errorText(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { error?: unknown }
    return typeof parsed.error === 'string' ? parsed.error : null
  } catch {
    return body.trim() || null
  }
}
