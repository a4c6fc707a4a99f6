/**
 * Tokens a text costs, estimated without the model's tokenizer (Ollama does not expose one).
 * Llama-3 and Qwen tokenizers spend about one token per 3.3 characters of Spanish chat text
 * (accents and short words cost more than English); rounding up and a per-message overhead
 * for the chat template keep the estimate on the safe side, so a prompt built to a budget does
 * not overflow the context and get its system prompt cut off by the server.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3.3)
}

/** Role markers and separators the chat template adds around each message. */
export const MESSAGE_OVERHEAD_TOKENS = 6
