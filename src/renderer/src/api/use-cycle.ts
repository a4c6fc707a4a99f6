import type { CycleDto } from '../../../shared/types'
import { useApiEvent, useApiResync } from './api-context'
import { useApiQuery } from './use-api-query'

/**
 * The learning cycle as the core sees it: asked when a screen shows it and again when a turn moves.
 * Not on every exchange event — with a window open that was several queries per customer message.
 * A turn moves in bursts of events: only the latest answer lands, so a late one cannot bring back
 * a state the cycle has left.
 */
export function useCycle(): { cycle: CycleDto | null; refresh: () => void } {
  // The cycle's card is an aside: a failed read leaves the last answer on screen, with no error.
  const { data, reload } = useApiQuery({}, (api) => api.call('cycle.get', {}))
  useApiEvent('cycle.updated', reload)
  useApiEvent('cycle.summary', reload)
  useApiResync(reload)
  return { cycle: data, refresh: reload }
}
