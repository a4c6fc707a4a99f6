import type { HandlerSlice } from '../api/handler-table'
import type { TrainingService } from './training-service'

type TrainingMethods =
  | 'training.options'
  | 'training.start'
  | 'training.imports'
  | 'training.pickImport'
  | 'training.cancel'
  | 'training.list'
  | 'training.get'
  | 'models.list'
  | 'models.activate'

export function trainingHandlers(training: TrainingService): HandlerSlice<TrainingMethods> {
  return {
    'training.options': () => training.options(),
    'training.start': (input) => training.start(input),
    'training.imports': () => training.imports.list(),
    'training.pickImport': ({ kind }) => training.imports.pick(kind),
    'training.cancel': ({ id }) => training.cancel(id),
    'training.list': ({ limit }) => training.list(limit),
    'training.get': ({ id }) => training.get(id),
    'models.list': () => training.versions(),
    'models.activate': ({ id }) => training.activate(id),
  }
}
