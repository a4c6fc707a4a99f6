import { useCallback, useEffect, useState } from 'react'
import type { CycleDto } from '../../../shared/types'
import { useApi, useApiEvent } from './api-context'

/**
 * The learning cycle as the core sees it: asked when a screen shows it and again when a turn moves.
 * Not on every exchange event — with a window open that was several queries per customer message.
 */
export function useCycle(): { cycle: CycleDto | null; refresh: () => void } {
  const api = useApi()
  const [cycle, setCycle] = useState<CycleDto | null>(null)
  const refresh = useCallback(() => {
    // The cycle's card is an aside: a failed read leaves the screen as it was.
    api.call('cycle.get', {}).then(setCycle, () => {})
  }, [api])
  useEffect(refresh, [refresh])
  useApiEvent('cycle.updated', refresh)
  useApiEvent('cycle.summary', refresh)
  return { cycle, refresh }
}
