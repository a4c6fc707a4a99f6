import type { HandlerSlice } from '../api/handler-table'
import type { PromptAssembler } from './prompt-assembler'

/** "Vista previa" in Ajustes: exactly what the model would get for a test message. */
export function promptHandlers(prompts: PromptAssembler): HandlerSlice<'llm.previewPrompt'> {
  return {
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
