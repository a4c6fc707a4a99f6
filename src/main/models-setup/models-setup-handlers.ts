import type { HandlerSlice } from '../api/handler-table'
import type { ModelsSetupService } from './models-setup-service'

type ModelsSetupMethods =
  | 'ollama.detect'
  | 'ollama.start'
  | 'models.plan'
  | 'models.choosePlan'
  | 'models.pull'
  | 'models.cancelPull'
  | 'models.pulls'
  | 'app.openExternal'

export function modelsSetupHandlers(service: ModelsSetupService): HandlerSlice<ModelsSetupMethods> {
  return {
    'ollama.detect': () => service.detect(),
    'ollama.start': () => service.start(),
    'models.plan': () => service.plan(),
    'models.choosePlan': ({ id }) => service.choosePlan(id),
    'models.pull': ({ name }) => service.pull(name),
    'models.cancelPull': ({ name }) => service.cancelPull(name),
    'models.pulls': () => service.listPulls(),
    'app.openExternal': ({ url }) => service.openExternal(url),
  }
}
