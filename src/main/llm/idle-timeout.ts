/** An abort signal that fires after `ms` without a `reset()`. */
export class IdleTimeout {
  private readonly controller = new AbortController()
  private timer: NodeJS.Timeout

  constructor(private readonly ms: number) {
    this.timer = this.arm()
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  get fired(): boolean {
    return this.controller.signal.aborted
  }

  reset(): void {
    clearTimeout(this.timer)
    this.timer = this.arm()
  }

  clear(): void {
    clearTimeout(this.timer)
  }

  private arm(): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const error = new Error(`no answer within ${this.ms} ms`)
      error.name = 'TimeoutError'
      this.controller.abort(error)
    }, this.ms)
    timer.unref()
    return timer
  }
}
