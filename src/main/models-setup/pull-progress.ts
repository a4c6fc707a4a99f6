// Folding Ollama's /api/pull NDJSON into one progress: each line is a status; the "pulling
// <digest>" lines carry one layer's total and completed bytes, and the download is their sum.
// Layers of a model download side by side, so the sum is the only honest whole.

export type PullLine =
  | { kind: 'layer'; digest: string; total: number; completed: number }
  | { kind: 'verifying' }
  | { kind: 'status'; status: string }
  | { kind: 'success' }
  | { kind: 'error'; message: string }

/** One NDJSON line of /api/pull; null for a line that is not JSON (skipped, never fatal). */
export function parsePullLine(text: string): PullLine | null {
  const trimmed = text.trim()
  if (!trimmed) return null
  let value: unknown
  try {
    value = JSON.parse(trimmed)
  } catch {
    return null
  }
  if (!value || typeof value !== 'object') return null
  const { status, digest, total, completed, error } = value as Record<string, unknown>
  if (typeof error === 'string') return { kind: 'error', message: error }
  if (typeof status !== 'string') return null
  if (status === 'success') return { kind: 'success' }
  if (typeof digest === 'string' && digest !== '' && typeof total === 'number') {
    return { kind: 'layer', digest, total, completed: typeof completed === 'number' ? completed : 0 }
  }
  if (/^verifying/i.test(status)) return { kind: 'verifying' }
  return { kind: 'status', status }
}

/** The layers seen so far, summed. */
export class PullTotals {
  private readonly layers = new Map<string, { total: number; completed: number }>()

  apply(line: PullLine): void {
    if (line.kind !== 'layer') return
    const previous = this.layers.get(line.digest)
    // A layer never shrinks within a pull: a late line of an older request must not pull it back.
    this.layers.set(line.digest, { total: line.total, completed: Math.max(line.completed, previous?.completed ?? 0) })
  }

  get completedBytes(): number {
    let sum = 0
    for (const layer of this.layers.values()) sum += Math.min(layer.completed, layer.total)
    return sum
  }

  /** Null until a layer's size is known. */
  get totalBytes(): number | null {
    if (this.layers.size === 0) return null
    let sum = 0
    for (const layer of this.layers.values()) sum += layer.total
    return sum
  }

  get percent(): number | null {
    const total = this.totalBytes
    if (!total) return null
    return Math.min(100, Math.floor((this.completedBytes / total) * 1000) / 10)
  }
}

/**
 * Download speed smoothed over a few seconds (an exponential moving average), so the ETA does
 * not jump with every chunk. The first reading after a (re)start is only a baseline: a resumed
 * download reports the bytes it already had all at once, which is not speed.
 */
export class SpeedMeter {
  private last: { bytes: number; at: number } | null = null
  private smoothed: number | null = null

  constructor(private readonly timeConstantMs = 3_000) {}

  /** Forget the previous connection's readings (the speed itself is kept as the first guess). */
  restart(): void {
    this.last = null
  }

  sample(bytes: number, at: number): void {
    const last = this.last
    if (!last || bytes < last.bytes) {
      this.last = { bytes, at }
      return
    }
    const elapsed = at - last.at
    // Readings closer than this say more about the network's chunking than about its speed.
    if (elapsed < 200) return
    const rate = ((bytes - last.bytes) / elapsed) * 1000
    const weight = 1 - Math.exp(-elapsed / this.timeConstantMs)
    this.smoothed = this.smoothed === null ? rate : this.smoothed + weight * (rate - this.smoothed)
    this.last = { bytes, at }
  }

  get bytesPerSecond(): number | null {
    return this.smoothed === null ? null : Math.round(this.smoothed)
  }

  etaSeconds(remainingBytes: number | null): number | null {
    const speed = this.smoothed
    if (remainingBytes === null || speed === null || speed <= 0) return null
    return Math.ceil(Math.max(0, remainingBytes) / speed)
  }
}
