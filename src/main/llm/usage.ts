import type { ChatMessage, TokenUsage } from './llm-provider'

/**
 * About one token per 3.3 characters of Spanish chat text with the common tokenizers, plus the
 * chat template's few tokens per message (the same ratio as src/main/prompt/token-estimate.ts,
 * which this domain cannot import: prompt/ builds on llm/). Only used when a server does not
 * report usage; the figure is then marked as estimated.
 */
const CHARS_PER_TOKEN = 3.3
const MESSAGE_OVERHEAD_TOKENS = 6

export function estimateTextTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN)
}

export function estimateUsage(messages: readonly ChatMessage[], answer: string): TokenUsage {
  let promptTokens = 0
  for (const message of messages) promptTokens += estimateTextTokens(message.content) + MESSAGE_OVERHEAD_TOKENS
  return { promptTokens, completionTokens: estimateTextTokens(answer), estimated: true }
}

/** OpenAI's `usage` object ({prompt_tokens, completion_tokens, …}), or null when it is not one. */
export function readUsage(value: unknown): TokenUsage | null {
  if (typeof value !== 'object' || value === null) return null
  const { prompt_tokens: prompt, completion_tokens: completion } = value as Record<string, unknown>
  if (!isCount(prompt) || !isCount(completion)) return null
  return { promptTokens: prompt, completionTokens: completion, estimated: false }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}
