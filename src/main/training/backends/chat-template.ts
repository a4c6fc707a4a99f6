import { describeModel, readGgufHeader } from '../gguf'
import { TRAINING_ERRORS, TrainingError, unreadableModelFile } from '../training-errors'
import { CHATML_OLLAMA_TEMPLATE } from '../ollama-deployer'
import type { OllamaBaseModel } from '../ollama-store'

/**
 * The chat template and stop words a GGUF must be served with: the base's own Ollama TEMPLATE
 * when the base came from Ollama's store, ChatML when the GGUF's Jinja template is ChatML, else
 * nothing (Ollama recognises the common templates inside a GGUF by itself). A template that
 * does not match the training is the usual reason an exported fine-tune answers garbage.
 */
export async function servingTemplate(store: OllamaBaseModel[], basePath: string | null, ggufPath: string): Promise<{ template: string | null; stop: string[] }> {
  const fromStore = basePath ? store.find((m) => m.blobPath === basePath) : undefined
  if (fromStore?.template) return { template: fromStore.template, stop: fromStore.stop }
  let chatTemplate: string
  try {
    chatTemplate = describeModel(await readGgufHeader(ggufPath)).chatTemplate ?? ''
  } catch (error) {
    throw new TrainingError(TRAINING_ERRORS.notGguf(ggufPath, unreadableModelFile(error)))
  }
  if (chatTemplate.includes('<|im_start|>')) return { template: CHATML_OLLAMA_TEMPLATE, stop: ['<|im_end|>', '<|im_start|>'] }
  return { template: null, stop: [] }
}

export function templateRequest(served: { template: string | null; stop: string[] }): { template?: string; parameters?: Record<string, unknown> } {
  return { ...(served.template ? { template: served.template } : {}), ...(served.stop.length ? { parameters: { stop: served.stop } } : {}) }
}
