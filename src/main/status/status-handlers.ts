import type { HandlerSlice } from '../api/handler-table'
import type { LlmService } from '../llm/llm-service'
import type { StatusService } from './status-service'

export function statusHandlers(status: StatusService, llm: LlmService): HandlerSlice<'app.status' | 'llm.check'> {
  return {
    'app.status': () => status.get(),
    'llm.check': () => llm.check(),
  }
}
