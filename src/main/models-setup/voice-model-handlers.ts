import type { HandlerSlice } from '../api/handler-table'
import type { VoiceModelService } from './voice-model-service'

type VoiceModelMethods = 'voice.model' | 'voice.pull' | 'voice.cancelPull'

export function voiceModelHandlers(service: VoiceModelService): HandlerSlice<VoiceModelMethods> {
  return {
    'voice.model': () => service.status(),
    'voice.pull': ({ id }) => service.pull(id),
    'voice.cancelPull': ({ id }) => service.cancelPull(id),
  }
}
