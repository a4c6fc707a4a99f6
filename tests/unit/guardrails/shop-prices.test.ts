import { describe, expect, it } from 'vitest'
import { findMoneyAmounts } from '../../../src/main/guardrails/chat-amounts'
import { guardReply } from '../../../src/main/guardrails/reply-guard'
import { buildPrompt } from '../../../src/main/prompt/prompt-builder'
import { COUNTRIES } from '../../../src/shared/countries'
import { formatShopPrice } from '../../../src/shared/money'
import { shopCatalog } from '../../fixtures/catalog'

// Prices a shop of each country quotes, whole and with cents, small and large.
const VALUES = [45, 380, 1_600, 25.99, 15_000, 1_250_000, 1_200.5]

describe('prices in the shop’s own format', () => {
  it.each(COUNTRIES.map((c) => [c.name, c] as const))('%s: every price the bot is shown reads back to the same amount in the price guard', (_name, country) => {
    const shop = { locale: country.locale, shopCurrency: country.currency }
    for (const value of VALUES) {
      const written = formatShopPrice(value, country.currency, shop)
      const read = findMoneyAmounts(`¡Hola! Ese producto cuesta ${written}. ¿Te lo separo?`).map((a) => a.value)
      // Pesos of Colombia and Chile, and guaraníes, have no cents: those prices are whole.
      const expected = ['COP', 'CLP', 'PYG'].includes(country.currency) ? Math.round(value) : value
      expect(read, `${country.code} ${written}`).toEqual([expected])
    }
  })

  it('is written the way the country writes it, not the Colombian way', () => {
    expect(formatShopPrice(380, 'MXN', { locale: 'es-MX', shopCurrency: 'MXN' })).toBe('$380')
    expect(formatShopPrice(1_200.5, 'MXN', { locale: 'es-MX', shopCurrency: 'MXN' })).toBe('$1,200.50')
    expect(formatShopPrice(15_000, 'ARS', { locale: 'es-AR', shopCurrency: 'ARS' })).toBe('$ 15.000')
    expect(formatShopPrice(25.99, 'EUR', { locale: 'es-ES', shopCurrency: 'EUR' })).toBe('25,99 €')
    // Another currency than the shop's keeps a mark that says which.
    expect(formatShopPrice(25, 'USD', { locale: 'es-MX', shopCurrency: 'MXN' })).not.toBe('$25')
    // A Colombian shop, and a shop that chose no country, keep the forms they always had.
    expect(formatShopPrice(89_000, 'COP', { locale: 'es-CO', shopCurrency: 'COP' })).toBe('$89.000')
    expect(formatShopPrice(89_000, 'COP')).toBe('$89.000')
  })

  it('a Mexican shop’s prompt shows its prices as Mexicans read them', () => {
    const piano = { ...shopCatalog().find((p) => p.id === 'piano')!, price: 1_600, currency: 'MXN' }
    const built = buildPrompt({
      shopName: 'Tienda',
      systemPrompt: 'Eres {shopName}.',
      products: [piano],
      examples: [],
      history: [{ role: 'user', content: '¿Cuánto cuesta?' }],
      budgetTokens: 3000,
      prices: { locale: 'es-MX', shopCurrency: 'MXN' },
    })
    expect(built.messages[0]!.content).toContain(`- ${piano.name}: $1,600`)
    expect(built.messages[0]!.content).not.toContain('MXN 1.600')
  })

  it('a Guatemalan shop’s invented price in quetzales is caught, and the correction spells the real ones its way', async () => {
    const piano = { ...shopCatalog().find((p) => p.id === 'piano')!, price: 120, currency: 'GTQ' }
    const corrections: string[] = []
    const guarded = await guardReply(
      `El ${piano.name} cuesta GTQ 95, ¡aprovecha!`,
      {
        products: [piano],
        customerText: '¿Cuánto cuesta?',
        settings: { maxReplyChars: 700, checkPrices: true, extraAllowedAmounts: [], handoffReply: 'Ya te atiende una persona.' },
        prices: { locale: 'es-GT', shopCurrency: 'GTQ' },
      },
      (correction) => {
        corrections.push(correction)
        return Promise.resolve(`El ${piano.name} cuesta GTQ 120.`)
      },
    )
    expect(corrections).toHaveLength(1)
    expect(corrections[0]).toContain(`${piano.name}: GTQ 120`)
    expect(guarded.text).toBe(`El ${piano.name} cuesta GTQ 120.`)
    expect(guarded.applied).toEqual(['price_regenerated'])
  })
})
