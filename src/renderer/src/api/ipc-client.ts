import type { ApiClient, PreloadBridge } from '../../../shared/api/client'
import { ApiError, type ApiResult } from '../../../shared/api/errors'
import type { ApiEventName, ApiEvents } from '../../../shared/api/events'

/** The client inside Electron: calls go through the preload's bridge to ipcMain. */
export function createIpcClient(bridge: PreloadBridge): ApiClient {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  bridge.subscribe((event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload)
  })
  return {
    async call(method, input) {
      const result = (await bridge.invoke(method, input)) as ApiResult<never>
      if (!result.ok) throw ApiError.fromBody(result.error)
      return result.value
    },
    on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      const wrapped = listener as (payload: unknown) => void
      set.add(wrapped)
      return () => set.delete(wrapped)
    },
    // The bridge's subscription is made before the first call and never drops: nothing to read again.
    onResync() {
      return () => {}
    },
  }
}
