import { createContext, useContext, useEffect, useRef } from 'react'
import type { ApiClient } from '../../../shared/api/client'
import type { ApiEventName, ApiEvents } from '../../../shared/api/events'

export const ApiContext = createContext<ApiClient | null>(null)

export function useApi(): ApiClient {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi outside ApiContext')
  return api
}

/** Subscribes to a core event for the component's lifetime; the latest callback is used. */
export function useApiEvent<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): void {
  const api = useApi()
  const latest = useRef(listener)
  useEffect(() => {
    latest.current = listener
  })
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [api, event])
}

/**
 * Runs `reload` when the live connection comes back after events may have been missed (see
 * `ApiClient.onResync`): every screen that follows events reads again what it shows with this.
 */
export function useApiResync(reload: () => void): void {
  const api = useApi()
  const latest = useRef(reload)
  useEffect(() => {
    latest.current = reload
  })
  useEffect(() => api.onResync(() => latest.current()), [api])
}
