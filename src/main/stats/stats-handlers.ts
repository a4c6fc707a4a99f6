import type { HandlerSlice } from '../api/handler-table'
import type { LearningWorker } from '../learning/learning-worker'
import type { Repositories } from '../store/repositories'
import { computeStats } from './stats-service'

export function statsHandlers(repos: Repositories, worker: LearningWorker): HandlerSlice<'stats.get' | 'capture.health'> {
  return {
    'stats.get': (filters) => computeStats(repos, filters),
    'capture.health': () => worker.health(),
  }
}
