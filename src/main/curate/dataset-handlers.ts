import type { HandlerSlice } from '../api/handler-table'
import type { DatasetService } from './dataset-service'

export function datasetHandlers(datasets: DatasetService): HandlerSlice<'datasets.list' | 'datasets.create'> {
  return {
    'datasets.list': () => datasets.list(),
    'datasets.create': (options) => datasets.create(options),
  }
}
