import type { ApiClient } from '../../../shared/api/client'
import { ApiError, type ApiErrorBody } from '../../../shared/api/errors'
import type { ApiEventEnvelope, ApiEventName, ApiEvents } from '../../../shared/api/events'
import { API_PREFIX, EVENTS_PATH, WS_PROTOCOL, WS_TOKEN_PREFIX } from '../../../shared/api/http-protocol'
import type { ServerConnection } from './server-connection'

export type ConnectionListener = (state: ServerConnection) => void

/**
 * How long a call waits for the event socket's first connection. Reading before listening misses
 * what changes in between (a customer who writes while the page loads); a socket that cannot open
 * at all (a proxy without WebSockets) must not stall the app, so the wait is short.
 */
const FIRST_CONNECTION_WAIT_MS = 2_000

/**
 * The client in a browser against the headless server: POST /api/<method> with the bearer
 * token, and a WebSocket for events that reconnects with backoff. Events sent while the socket is
 * down are gone; each reconnection tells `onResync` listeners to read again what they show.
 */
export function createHttpClient(baseUrl: string, token: string, onConnection: ConnectionListener = () => {}): ApiClient {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const resyncListeners = new Set<() => void>()
  let retryMs = 500
  let open = false
  // Set when something was read that an event missed while closed could have changed.
  let stale = false
  let refused = false
  let settleFirst: () => void = () => {}
  // The first connection's outcome, open or failed: calls wait for it (briefly), not for retries.
  const firstSettled = new Promise<void>((resolve) => (settleFirst = resolve))
  // Counted from the client's start, not per call: a socket that hangs while connecting (a proxy
  // that never answers the upgrade) would otherwise cost every call the whole wait.
  setTimeout(() => settleFirst(), FIRST_CONNECTION_WAIT_MS)

  const connect = () => {
    const wsUrl = new URL(EVENTS_PATH, baseUrl)
    wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:'
    const ws = new WebSocket(wsUrl, [WS_PROTOCOL, WS_TOKEN_PREFIX + token])
    ws.onopen = () => {
      retryMs = 500
      open = true
      settleFirst()
      onConnection('connected')
      if (!stale) return
      stale = false
      for (const listener of [...resyncListeners]) listener()
    }
    ws.onmessage = (message) => {
      const { event, payload } = JSON.parse(String(message.data)) as ApiEventEnvelope
      for (const listener of listeners.get(event) ?? []) listener(payload)
    }
    ws.onclose = () => {
      open = false
      stale = true
      settleFirst()
      // A refused token stays refused: the login screen builds a new client with the next one.
      if (refused) return
      onConnection('reconnecting')
      setTimeout(connect, retryMs)
      retryMs = Math.min(retryMs * 2, 10_000)
    }
  }
  connect()

  return {
    async call(method, input) {
      if (!open) {
        await firstSettled
        if (!open) stale = true
      }
      let response: Response
      try {
        response = await fetch(new URL(API_PREFIX + method, baseUrl), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        })
      } catch {
        throw new ApiError('unavailable', 'No se pudo contactar con la app. Revisa que el servidor siga encendido y que este equipo tenga red, y vuelve a intentarlo.')
      }
      const body: unknown = await response.json().catch(() => null)
      if (response.status === 401) {
        refused = true
        onConnection('unauthorized')
      }
      if (!response.ok) {
        const error = (body as { error?: ApiErrorBody } | null)?.error
        throw error ? ApiError.fromBody(error) : new ApiError('internal', `La app respondió con un error (código ${response.status}). Vuelve a intentarlo; si se repite, revisa el registro.`)
      }
      return body as never
    },
    on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      const wrapped = listener as (payload: unknown) => void
      set.add(wrapped)
      return () => set.delete(wrapped)
    },
    onResync(listener) {
      resyncListeners.add(listener)
      return () => resyncListeners.delete(listener)
    },
  }
}
