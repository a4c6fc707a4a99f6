import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createHttpClient } from '../../src/renderer/src/api/http-client'

/** A socket that stays as the test leaves it: never opened unless `open()` is called. */
class ControlledSocket {
  static made: ControlledSocket[] = []
  onopen: (() => void) | null = null
  onclose: (() => void) | null = null
  onmessage: ((message: { data: string }) => void) | null = null
  constructor() {
    ControlledSocket.made.push(this)
  }
  open() {
    this.onopen?.()
  }
  drop() {
    this.onclose?.()
  }
}

describe('the browser client against the headless server', () => {
  let fetched: string[]

  beforeEach(() => {
    vi.useFakeTimers()
    ControlledSocket.made = []
    fetched = []
    vi.stubGlobal('WebSocket', ControlledSocket)
    vi.stubGlobal('fetch', async (url: URL) => {
      fetched.push(url.pathname)
      return new Response(JSON.stringify({ ok: true }), { status: 200 })
    })
  })

  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('waits for the first live connection before reading, so nothing changes unseen between the two', async () => {
    const client = createHttpClient('http://127.0.0.1:1', 'token')
    const call = client.call('app.status', {} as never)
    await vi.advanceTimersByTimeAsync(100)
    expect(fetched).toEqual([])
    ControlledSocket.made[0]!.open()
    await call
    expect(fetched).toEqual(['/api/app.status'])
  })

  it('waits at most two seconds in all for a socket that hangs while connecting, not two seconds per call', async () => {
    const client = createHttpClient('http://127.0.0.1:1', 'token')
    const first = client.call('app.status', {} as never)
    await vi.advanceTimersByTimeAsync(2_000)
    await first
    expect(fetched).toHaveLength(1)
    // The socket still neither opened nor closed: the next reads go out at once.
    const later = [client.call('settings.get', {} as never), client.call('conversations.list', {} as never)]
    await vi.advanceTimersByTimeAsync(1)
    expect(fetched).toHaveLength(3)
    await Promise.all(later)
  })

  it('asks the screens to read again when the socket comes back after a drop, and only then', async () => {
    const client = createHttpClient('http://127.0.0.1:1', 'token')
    let resyncs = 0
    client.onResync(() => resyncs++)
    ControlledSocket.made[0]!.open()
    await client.call('app.status', {} as never)
    expect(resyncs).toBe(0)
    ControlledSocket.made[0]!.drop()
    await vi.advanceTimersByTimeAsync(500)
    expect(ControlledSocket.made).toHaveLength(2)
    ControlledSocket.made[1]!.open()
    expect(resyncs).toBe(1)
  })
})
