import type { HandlerSlice } from '../api/handler-table'
import { computeStats, type StatsDeps } from './stats-service'

export function statsHandlers(deps: StatsDeps): HandlerSlice<'stats.get'> {
  return {
    'stats.get': (filters) => computeStats(deps, filters),
  }
}
