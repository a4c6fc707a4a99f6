import { useCallback, useEffect, useState } from 'react'
import type { CycleDto } from '../../../shared/types'
import { useApi, useApiEvent } from './api-context'

/** The learning cycle as the core sees it now, asked again whenever a turn moves or settings change. */
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
  useApiEvent('exchange.updated', refresh)
  return { cycle, refresh }
}
