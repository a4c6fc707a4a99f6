import type { HandlerSlice } from '../api/handler-table'
import type { LearningWorker } from '../learning/learning-worker'
import { computeStats, type StatsDeps } from './stats-service'

export function statsHandlers(deps: StatsDeps, worker: LearningWorker): HandlerSlice<'stats.get' | 'capture.health'> {
  return {
    'stats.get': (filters) => computeStats(deps, filters),
    'capture.health': () => worker.health(),
  }
}
