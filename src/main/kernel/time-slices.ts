// Long synchronous work (a 20,000-row catalog import, rebuilding the product index) done in
// slices, so that the event loop still answers WhatsApp messages and `/api/health` meanwhile.
// A slice is a span of time, not a count of items: rows differ in cost by orders of magnitude
// (a name vs a 4,000-character description), and the aim is a bound on how long anything waits.

/** Milliseconds of synchronous work between two turns of the event loop. */
const SLICE_MS = 10

/** One turn of the event loop: `setImmediate` runs after pending I/O (a request, a timer), not before. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** Yields to the event loop once SLICE_MS of work has passed since the last turn. */
export class TimeSlicer {
  private started = performance.now()

  constructor(private readonly sliceMs = SLICE_MS) {}

  /** True when the current slice has used its time. */
  get due(): boolean {
    return performance.now() - this.started >= this.sliceMs
  }

  async pause(): Promise<void> {
    if (!this.due) return
    await yieldToEventLoop()
    this.started = performance.now()
  }
}
