import type { HandlerSlice } from '../api/handler-table'
import type { CloudKeyStore } from './cloud-key-store'
import type { LlmService } from './llm-service'

type LlmMethods = 'llm.models' | 'llm.setCloudKey' | 'llm.cloudKey'

export function llmHandlers(llm: LlmService, cloudKey: CloudKeyStore): HandlerSlice<LlmMethods> {
  return {
    'llm.models': async () => {
      try {
        return { models: await llm.listModels(AbortSignal.timeout(5_000)), error: null }
      } catch (error) {
        return { models: [], error: error instanceof Error ? error.message : String(error) }
      }
    },
    'llm.setCloudKey': ({ apiKey }) => {
      cloudKey.set(apiKey)
      llm.cloudKeyChanged()
      return { configured: cloudKey.has() }
    },
    'llm.cloudKey': () => ({ configured: cloudKey.has() }),
  }
}
