import type { ApiInput, ApiMethod, ApiOutput } from './contract'
import type { ApiEventName, ApiEvents } from './events'

/**
 * What the renderer talks to. It never knows whether it runs inside Electron (IPC) or in a
 * browser against the headless server (HTTP + WebSocket). Failures reject with `ApiError`.
 */
export interface ApiClient {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void
  /**
   * Called when events may have been missed: the live connection came back after a drop (a phone
   * that slept, a server restart) or opened after answers were already read. What a screen keeps
   * current by events, it reads again. Electron's IPC never misses one, so it never calls.
   */
  onResync(listener: () => void): () => void
}

/** The surface the Electron preload exposes on `window.autodidacta`. */
export interface PreloadBridge {
  invoke(method: string, input: unknown): Promise<unknown>
  subscribe(listener: (event: string, payload: unknown) => void): () => void
}
