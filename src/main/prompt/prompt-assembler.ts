import type { Retrieval, Retriever } from '../retrieval/retriever'
import type { SettingsService } from '../settings/settings-service'
import type { Product } from '../store/repositories/products-repository'
import { buildPrompt, type BuiltPrompt, type HistoryTurn, type PromptInput } from './prompt-builder'

export interface AssembleQuery {
  /** Null for a preview outside any chat. */
  conversationId: string | null
  /** What the customer asked in this turn. */
  asked: string
  focusProductId: string | null
  /** The chat so far, oldest first, ending with the customer's turn. */
  history: HistoryTurn[]
  /** The prompt editor previews a persona before saving it. */
  systemPrompt?: string
}

export interface AssembledPrompt {
  input: PromptInput
  prompt: BuiltPrompt
  retrieval: Retrieval
  /** The products that made it into the prompt: the prices the guardrail allows. */
  shown: Product[]
}

/** Retrieval plus prompt building, from the current settings: what the responder and the preview share. */
export class PromptAssembler {
  constructor(
    private readonly retriever: Retriever,
    private readonly settings: SettingsService,
  ) {}

  async assemble(query: AssembleQuery): Promise<AssembledPrompt> {
    const settings = this.settings.get()
    const retrieval = await this.retriever.retrieve({
      conversationId: query.conversationId ?? '',
      text: query.asked,
      focusProductId: query.focusProductId,
    })
    const input: PromptInput = {
      shopName: settings.persona.shopName,
      systemPrompt: query.systemPrompt ?? settings.persona.systemPrompt,
      products: retrieval.products,
      examples: retrieval.examples,
      history: query.history,
      budgetTokens: settings.llm.contextTokens - settings.llm.maxReplyTokens,
      prices: { locale: settings.shop.numberLocale, shopCurrency: settings.shop.currency },
    }
    const prompt = buildPrompt(input)
    const shown = retrieval.products.filter((p) => prompt.productIds.includes(p.id))
    return { input, prompt, retrieval, shown }
  }
}
