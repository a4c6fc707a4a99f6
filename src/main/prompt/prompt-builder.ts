import type { ChatMessage } from '../llm/llm-provider'
import { formatShopPrice, type PriceFormat } from '../../shared/money'
import { fillShopName } from '../../shared/persona'
import type { FewShotExample } from '../retrieval/example-index'
import type { Product } from '../store/repositories/products-repository'
import { estimateTokens, MESSAGE_OVERHEAD_TOKENS } from './token-estimate'

export interface HistoryTurn {
  role: 'user' | 'assistant'
  content: string
}

export interface PromptInput {
  shopName: string
  /** The owner's persona; `{tienda}` (or the old `{shopName}`) is filled in. */
  systemPrompt: string
  products: Product[]
  examples: FewShotExample[]
  /** The chat so far, oldest first, ending with the customer's turn to answer. */
  history: HistoryTurn[]
  /** Tokens the whole prompt may take (the model's context minus room for the answer). */
  budgetTokens: number
  /** Extra instruction for this generation (a retry after a guardrail). */
  correction?: string
  /** How the shop writes prices (its number format and currency); Colombian when absent. */
  prices?: PriceFormat
}

export interface BuiltPrompt {
  messages: ChatMessage[]
  estimatedTokens: number
  productIds: string[]
  exampleIds: string[]
  /** Earlier turns left out to fit the budget. */
  droppedTurns: number
}

/** Shares of the budget the catalog and the examples may take; the history gets the rest. */
const PRODUCT_SHARE = 0.35
const EXAMPLE_SHARE = 0.2
const MAX_PRODUCT_DESCRIPTION = 280

const PROMPT_RULES = [
  'Responde en español, como un mensaje de WhatsApp: corto (una a tres frases), cálido y concreto.',
  'Usa solo los productos y precios del catálogo de abajo. Nunca inventes un precio, un descuento ni un producto; si algo no está en el catálogo o no tiene precio, di que lo vas a confirmar.',
  'Si el cliente quiere comprar, explica el siguiente paso (forma de pago o envío) sin pedir datos sensibles como contraseñas o números de tarjeta.',
  'Si no sabes algo, dilo con honestidad y ofrece que una persona de la tienda le confirme.',
  'Nunca des un pago por recibido ni confirmado: si el cliente dice que ya pagó, agradécele y dile que el encargado revisa el pago y le confirma.',
]

/**
 * Builds the chat for the model within a token budget: persona and rules first, then the
 * catalog products relevant to the message, the shop's approved past answers to similar
 * questions, and as much of the recent history as fits, newest first. The customer's latest
 * turn is always kept whole (cut only if it alone exceeds the budget).
 */
export function buildPrompt(input: PromptInput): BuiltPrompt {
  const persona = fillShopName(input.systemPrompt, input.shopName).trim()
  const head = [persona, '', 'Reglas:', ...PROMPT_RULES.map((r) => `- ${r}`)].join('\n')
  const tail = input.correction ? `\n\nImportante: ${input.correction}` : ''
  let used = estimateTokens(head + tail) + MESSAGE_OVERHEAD_TOKENS

  const history = mergeTurns(input.history)
  const last = history.pop()
  const lastTurn: HistoryTurn | null = last ? fitText(last, Math.max(64, Math.floor(input.budgetTokens * 0.25))) : null
  if (lastTurn) used += estimateTokens(lastTurn.content) + MESSAGE_OVERHEAD_TOKENS

  const productLines: string[] = []
  const productIds: string[] = []
  let productTokens = estimateTokens('\n\nCatálogo:\n')
  for (const product of input.products) {
    const line = productLine(product, input.prices)
    const cost = estimateTokens(line) + 1
    if (productTokens + cost > input.budgetTokens * PRODUCT_SHARE) break
    productLines.push(line)
    productIds.push(product.id)
    productTokens += cost
  }
  const catalog =
    productLines.length > 0
      ? `\n\nCatálogo (productos relacionados con la conversación):\n${productLines.join('\n')}`
      : '\n\nCatálogo: no hay productos que coincidan con lo que pregunta el cliente. No menciones precios.'
  used += estimateTokens(catalog)

  const exampleBlocks: string[] = []
  const exampleIds: string[] = []
  let exampleTokens = 0
  for (const example of input.examples) {
    const block = `Cliente: ${oneLine(example.question)}\nTienda: ${oneLine(example.answer)}`
    const cost = estimateTokens(block) + 1
    if (exampleTokens + cost > input.budgetTokens * EXAMPLE_SHARE) continue
    exampleBlocks.push(block)
    exampleIds.push(example.id)
    exampleTokens += cost
  }
  const examples =
    exampleBlocks.length > 0
      ? `\n\nEjemplos de respuestas que la tienda aprobó (imita el tono; los precios válidos son siempre los del catálogo):\n${exampleBlocks.join('\n\n')}`
      : ''
  used += estimateTokens(examples)

  // Newest earlier turns first, while they fit; the model needs the end of the chat, not its start.
  const kept: HistoryTurn[] = []
  for (let i = history.length - 1; i >= 0; i--) {
    const turn = history[i]!
    const cost = estimateTokens(turn.content) + MESSAGE_OVERHEAD_TOKENS
    if (used + cost > input.budgetTokens) break
    kept.unshift(turn)
    used += cost
  }
  // Chat templates expect the first turn after the system prompt to be the user's.
  while (kept.length > 0 && kept[0]!.role === 'assistant') {
    used -= estimateTokens(kept[0]!.content) + MESSAGE_OVERHEAD_TOKENS
    kept.shift()
  }

  const messages: ChatMessage[] = [{ role: 'system', content: head + catalog + examples + tail }, ...kept]
  if (lastTurn) messages.push(lastTurn)
  return { messages, estimatedTokens: used, productIds, exampleIds, droppedTurns: history.length - kept.length }
}

function productLine(product: Product, prices: PriceFormat | undefined): string {
  const price = product.price === null ? 'precio a confirmar (no lo digas)' : formatShopPrice(product.price, product.currency, prices)
  const parts = [`- ${product.name}: ${price}`]
  if (product.category) parts.push(`categoría ${product.category}`)
  if (product.description) parts.push(truncate(oneLine(product.description), MAX_PRODUCT_DESCRIPTION))
  return parts.join(' · ')
}

/** Consecutive turns of one side become one: templates expect user and assistant to alternate. */
function mergeTurns(turns: HistoryTurn[]): HistoryTurn[] {
  const out: HistoryTurn[] = []
  for (const turn of turns) {
    const content = turn.content.trim()
    if (!content) continue
    const last = out.at(-1)
    if (last && last.role === turn.role) last.content += `\n${content}`
    else out.push({ role: turn.role, content })
  }
  return out
}

function fitText(turn: HistoryTurn, maxTokens: number): HistoryTurn {
  if (estimateTokens(turn.content) <= maxTokens) return turn
  return { role: turn.role, content: truncate(turn.content, Math.floor(maxTokens * 3.3)) }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}
