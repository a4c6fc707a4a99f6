import type { GuardrailSettings } from '../../shared/types'
import { formatShopPrice, type PriceFormat } from '../../shared/money'
import { findMoneyAmounts } from './chat-amounts'
import type { Product } from '../store/repositories/products-repository'
import { allowedPrices, checkPrices } from './price-guard'
import { limitReplyLength } from './reply-length'

export interface GuardContext {
  /** The products the model was shown: the only prices it may state. */
  products: Product[]
  /** What the customer wrote (an amount the customer says may be repeated back). */
  customerText: string
  settings: GuardrailSettings
  /** How the shop writes prices (the valid prices are spelled out this way in a correction); Colombian when absent. */
  prices?: PriceFormat
}

export interface GuardedReply {
  text: string
  /** What the guards did, in order: `price_regenerated`, `price_removed`, `price_fallback`, `length_trimmed`. */
  applied: string[]
}

/** Said when no honest version of the answer is left after taking out invented prices. */
export const PRICE_FALLBACK_REPLY = 'Déjame confirmar el precio exacto con el equipo y ya te lo digo 🙏'

/** A remainder this short after removing sentences is not an answer any more. */
const MIN_USEFUL_REMAINDER = 25

/**
 * Checks a generated answer before it reaches the customer. An amount that is not a catalog
 * price gets one regeneration with the valid prices spelled out; if the model insists, the
 * sentences stating it are removed, and if nothing useful remains a safe holding line goes
 * instead. A too-long answer is cut at a sentence end. A made-up price is the one mistake a
 * shop cannot take back: the customer holds the shop to it.
 */
export async function guardReply(
  first: string,
  context: GuardContext,
  regenerate: (correction: string) => Promise<string>,
): Promise<GuardedReply> {
  const applied: string[] = []
  let text = first.trim()
  if (context.settings.checkPrices) {
    const allowed = allowedPrices({
      productPrices: context.products.flatMap((p) => (p.price === null ? [] : [p.price])),
      extraAllowedAmounts: context.settings.extraAllowedAmounts,
      customerAmounts: findMoneyAmounts(context.customerText).map((a) => a.value),
    })
    let check = checkPrices(text, allowed)
    if (!check.ok) {
      applied.push('price_regenerated')
      text = (await regenerate(priceCorrection(check.offending.map((o) => o.raw), context.products, context.prices))).trim()
      check = checkPrices(text, allowed)
    }
    if (!check.ok) {
      const remainder = removeSentencesWith(text, check.offending.map((o) => o.raw))
      if (remainder.length >= MIN_USEFUL_REMAINDER && checkPrices(remainder, allowed).ok) {
        applied.push('price_removed')
        text = remainder
      } else {
        applied.push('price_fallback')
        text = PRICE_FALLBACK_REPLY
      }
    }
  }
  const limited = limitReplyLength(text, context.settings.maxReplyChars)
  if (limited.trimmed) applied.push('length_trimmed')
  return { text: limited.text, applied }
}

function priceCorrection(offending: string[], products: Product[], prices: PriceFormat | undefined): string {
  const priced = products.filter((p) => p.price !== null)
  const list = priced.length > 0 ? priced.map((p) => `${p.name}: ${formatShopPrice(p.price!, p.currency, prices)}`).join('; ') : 'ninguno'
  return (
    `tu respuesta anterior mencionó ${offending.join(', ')}, que no es un precio del catálogo. ` +
    `Los únicos precios válidos son: ${list}. Si el cliente pregunta por algo sin precio en esa lista, di que lo vas a confirmar.`
  )
}

/** The answer without the sentences that contain any of `fragments`. */
function removeSentencesWith(text: string, fragments: string[]): string {
  const segmenter = new Intl.Segmenter('es', { granularity: 'sentence' })
  const kept: string[] = []
  for (const { segment } of segmenter.segment(text)) {
    if (!fragments.some((f) => segment.includes(f))) kept.push(segment)
  }
  return kept.join('').replace(/\s+/g, ' ').trim()
}
