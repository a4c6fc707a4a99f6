// The one mistake a shop cannot take back is a made-up price: the customer holds the shop to
// it. Every amount an answer states must be explainable from the catalog or the conversation.

import { findMoneyAmounts } from './chat-amounts'

/** Amounts an answer may state, sorted for binary search. Build with `allowedPrices`. */
export interface AllowedPrices {
  readonly productPrices: readonly number[]
  readonly extraAllowedAmounts: readonly number[]
  readonly customerAmounts: readonly number[]
}

export type PriceCheck = { ok: true } | { ok: false; offending: { raw: string; value: number }[] }

/**
 * Half a peso either way: the model rounds "$89.000,50" to "$89.001", and a COP price is never
 * quoted with cents, so nothing real hides inside that window.
 */
const TOLERANCE = 0.5

/** "Por dos te sale en $178.000": quantities a customer plausibly orders in one chat. */
const MAX_QUANTITY = 10

const sorted = (values: readonly number[]) => [...new Set(values.filter((v) => Number.isFinite(v)))].sort((a, b) => a - b)

export function allowedPrices(input: { productPrices: number[]; extraAllowedAmounts: number[]; customerAmounts: number[] }): AllowedPrices {
  return {
    productPrices: sorted(input.productPrices),
    extraAllowedAmounts: sorted(input.extraAllowedAmounts),
    customerAmounts: sorted(input.customerAmounts),
  }
}

/** Whether a sorted list holds a value within TOLERANCE of `target`. */
function near(list: readonly number[], target: number): boolean {
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const v = list[mid]!
    if (Math.abs(v - target) <= TOLERANCE) return true
    if (v < target) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

/**
 * Why a stated amount is allowed, rule by rule:
 * - a product price: the whole point of the catalog;
 * - an extra allowed amount: what the owner declares beyond products (shipping, a deposit);
 * - an amount the customer wrote: repeating "¿me lo dejas en 70 mil?" back is not inventing it
 *   (the bot may still refuse it; the guard judges honesty, not the deal);
 * - k × a product price, k = 2..10: a quote for a quantity ("los dos te quedan en $178.000");
 * - the sum of two product prices: a combo ("el curso más los audífonos, $174.000");
 * - a product price, or k × it, plus one extra amount: a total with shipping ("$97.000 con
 *   envío"), the most common total a shop states. One extra only: the more sums are allowed,
 *   the more likely an invented figure lands on one by chance.
 */
export function isAllowedAmount(value: number, allowed: AllowedPrices): boolean {
  const { productPrices, extraAllowedAmounts, customerAmounts } = allowed
  if (near(productPrices, value) || near(extraAllowedAmounts, value) || near(customerAmounts, value)) return true
  for (const price of productPrices) {
    if (price <= 0) continue
    for (let k = 1; k <= MAX_QUANTITY; k++) {
      const subtotal = k * price
      if (subtotal > value + TOLERANCE) break
      if (k > 1 && Math.abs(subtotal - value) <= TOLERANCE) return true
      if (extraAllowedAmounts.some((extra) => Math.abs(subtotal + extra - value) <= TOLERANCE)) return true
    }
    if (near(productPrices, value - price)) return true
  }
  return false
}

/** Every amount in `reply` that none of the rules explains; `raw` is the text as written. */
export function checkPrices(reply: string, allowed: AllowedPrices): PriceCheck {
  const offending = findMoneyAmounts(reply)
    .filter((amount) => !isAllowedAmount(amount.value, allowed))
    .map(({ raw, value }) => ({ raw, value }))
  return offending.length === 0 ? { ok: true } : { ok: false, offending }
}
