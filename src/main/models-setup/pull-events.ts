import type { ModelPullDto } from '../../shared/setup'
import type { Clock } from '../kernel/clock'

/** What both download managers (Ollama pulls, Whisper files) keep per download to report it. */
export interface PullEntry {
  dto: ModelPullDto
  /** Wakes a wait between tries (cancel, close). */
  wake: (() => void) | null
  lastEmit: number
  emitTimer: NodeJS.Timeout | null
}

/** Retry waits for a download that keeps dropping, before it pauses. */
export const PULL_RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000]

export interface PullEventsDeps {
  emit: (dto: ModelPullDto) => void
  clock: Clock
  /** The least time between two byte-count events of one download. */
  intervalMs: number
  /** True once the manager is closing: nothing goes out then. */
  closing: () => boolean
}

/**
 * A download's progress as events: a change of state goes out at once, byte counts at most every
 * `intervalMs` (a fast download would otherwise send thousands a second), nothing once closing.
 */
export class PullEvents {
  constructor(private readonly deps: PullEventsDeps) {}

  update(entry: PullEntry, patch: Partial<ModelPullDto>, immediately: boolean): void {
    entry.dto = { ...entry.dto, ...patch, updatedAt: this.deps.clock() }
    if (immediately) this.now(entry)
    else this.throttled(entry)
  }

  /** The download ended (done, failed, paused, cancelled): the final figures, sent at once. */
  finish(entry: PullEntry, patch: Pick<ModelPullDto, 'state' | 'error'>): void {
    const done = patch.state === 'done'
    const total = entry.dto.totalBytes
    entry.dto = {
      ...entry.dto,
      ...patch,
      ...(done && total !== null ? { completedBytes: total, percent: 100 } : {}),
      bytesPerSecond: null,
      etaSeconds: done ? 0 : null,
      retrying: false,
      updatedAt: this.deps.clock(),
    }
    this.now(entry)
  }

  now(entry: PullEntry): void {
    if (entry.emitTimer) clearTimeout(entry.emitTimer)
    entry.emitTimer = null
    if (this.deps.closing()) return
    entry.lastEmit = this.deps.clock()
    this.deps.emit(entry.dto)
  }

  private throttled(entry: PullEntry): void {
    if (this.deps.closing() || entry.emitTimer) return
    const wait = entry.lastEmit + this.deps.intervalMs - this.deps.clock()
    if (wait <= 0) return this.now(entry)
    entry.emitTimer = setTimeout(() => this.now(entry), wait)
    entry.emitTimer.unref()
  }
}

/** Waits `ms` between tries, or less if `entry.wake` is called (a cancel, the app closing). */
export function waitOrWake(entry: PullEntry, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      entry.wake = null
      resolve()
    }
    entry.wake = done
  })
}

export function percentOf(completed: number, total: number | null): number | null {
  return total ? Math.min(100, Math.floor((completed / total) * 1000) / 10) : null
}
