import type { HandlerSlice } from '../api/handler-table'
import type { CycleService } from './cycle-service'

export function cycleHandlers(cycle: CycleService): HandlerSlice<'cycle.get' | 'cycle.runNow' | 'cycle.list' | 'cycle.markRead' | 'cycle.undo'> {
  return {
    'cycle.get': () => cycle.get(),
    'cycle.runNow': () => cycle.runNow(),
    'cycle.list': ({ limit }) => cycle.list(limit),
    'cycle.markRead': ({ id }) => cycle.markRead(id),
    'cycle.undo': ({ id }) => cycle.undo(id),
  }
}
