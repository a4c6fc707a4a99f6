import type { HandlerSlice } from '../api/handler-table'
import type { PromptAssembler } from '../prompt/prompt-assembler'
import type { CloudKeyStore } from './cloud-key-store'
import type { LlmService } from './llm-service'

type LlmMethods = 'llm.models' | 'llm.setCloudKey' | 'llm.cloudKey' | 'llm.previewPrompt'

export function llmHandlers(llm: LlmService, cloudKey: CloudKeyStore, prompts: PromptAssembler): HandlerSlice<LlmMethods> {
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
    'llm.previewPrompt': async ({ text, systemPrompt }) => {
      const { prompt, retrieval } = await prompts.assemble({
        conversationId: null,
        asked: text,
        focusProductId: null,
        history: [{ role: 'user', content: text }],
        ...(systemPrompt ? { systemPrompt } : {}),
      })
      return {
        messages: prompt.messages,
        estimatedTokens: prompt.estimatedTokens,
        products: retrieval.products.filter((p) => prompt.productIds.includes(p.id)).map((p) => p.name),
        examples: prompt.exampleIds.length,
        semantic: retrieval.semantic,
      }
    },
  }
}
