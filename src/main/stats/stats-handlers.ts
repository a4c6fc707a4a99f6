import type { HandlerSlice } from '../api/handler-table'
import { computeStats, type StatsDeps } from './stats-service'

export function statsHandlers(deps: StatsDeps): HandlerSlice<'stats.get'> {
  return {
    // Absent, the app's demo mode decides, as it does for Revisión and new datasets.
    'stats.get': ({ includeDemo, ...filters }) => computeStats(deps, { ...filters, includeDemo: includeDemo ?? deps.settings.get().demoMode }),
  }
}
