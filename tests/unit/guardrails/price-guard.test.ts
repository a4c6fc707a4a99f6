import { describe, expect, it } from 'vitest'
import { findMoneyAmounts } from '../../../src/main/guardrails/chat-amounts'
import { allowedPrices, checkPrices, isAllowedAmount } from '../../../src/main/guardrails/price-guard'

const PIANO = 89000
const AUDIFONOS = 85000
const CARGADOR = 45000
const ENVIO = 12000

const shop = (customerText = '') =>
  allowedPrices({
    productPrices: [PIANO, AUDIFONOS, CARGADOR],
    extraAllowedAmounts: [ENVIO],
    customerAmounts: findMoneyAmounts(customerText).map((a) => a.value),
  })

describe('checkPrices', () => {
  it('passes an answer that states catalog prices', () => {
    expect(checkPrices('¡Hola! El Curso de Piano Básico cuesta $89.000 🎹', shop())).toEqual({ ok: true })
    expect(checkPrices('Los Audífonos Bluetooth X2 valen 85.000 pesos y el Cargador Rápido USB-C 33W $45.000.', shop())).toEqual({ ok: true })
    expect(checkPrices('Te queda en 89 mil', shop())).toEqual({ ok: true })
  })

  it('fails an invented price, naming it as written', () => {
    expect(checkPrices('El Curso de Piano Básico te queda en $75.000 esta semana', shop())).toEqual({
      ok: false,
      offending: [{ raw: '$75.000', value: 75000 }],
    })
  })

  it('fails invented prices written without a currency mark', () => {
    expect(checkPrices('Cuesta 79.900', shop())).toEqual({ ok: false, offending: [{ raw: '79.900', value: 79900 }] })
    expect(checkPrices('Te lo dejo en 80 mil', shop())).toEqual({ ok: false, offending: [{ raw: '80 mil', value: 80000 }] })
    expect(checkPrices('El precio es 70000', shop())).toMatchObject({ ok: false })
    expect(checkPrices('Son setenta mil pesos', shop())).toMatchObject({ ok: false })
  })

  it('reports only the invented amounts among valid ones', () => {
    const result = checkPrices('El curso cuesta $89.000, pero hoy lo tienes a $79.000 y los audífonos a $80.000.', shop())
    expect(result).toEqual({
      ok: false,
      offending: [
        { raw: '$79.000', value: 79000 },
        { raw: '$80.000', value: 80000 },
      ],
    })
  })

  it('does not take delivery times, quantities and models for prices', () => {
    expect(checkPrices('Llega en 2 a 4 días hábiles y el envío cuesta $12.000', shop())).toEqual({ ok: true })
    expect(checkPrices('Tienes 2 cursos disponibles y puedes pagar en 3 cuotas. Abrimos a las 8:00.', shop())).toEqual({ ok: true })
    expect(checkPrices('El Cargador Rápido USB-C 33W funciona con el Samsung S8 y los Audífonos X2. Garantía de 12 meses.', shop())).toEqual({ ok: true })
    expect(checkPrices('Escríbenos al 300 123 4567 o al +57 601 2345678; 10% de descuento hasta el 15/03/2026.', shop())).toEqual({ ok: true })
  })

  it('allows quantities of one product (2 to 10 units)', () => {
    expect(checkPrices('Por dos te sale en $178.000', shop())).toEqual({ ok: true })
    expect(checkPrices('Los 3 cargadores quedan en $135.000', shop())).toEqual({ ok: true })
    expect(checkPrices('Diez cursos: $890.000', shop())).toEqual({ ok: true })
    // 11 units is no longer a plausible chat quote
    expect(checkPrices('Once cursos: $979.000', shop())).toMatchObject({ ok: false })
  })

  it('allows a combo of two products', () => {
    expect(checkPrices('El curso más los audífonos te quedan en $174.000', shop())).toEqual({ ok: true })
    expect(checkPrices('Audífonos + cargador: $130.000', shop())).toEqual({ ok: true })
    // but not three products, nor a made-up combo price
    expect(checkPrices('Los tres por $219.000', shop())).toMatchObject({ ok: false })
    expect(checkPrices('El combo curso + audífonos sale en $160.000', shop())).toMatchObject({ ok: false })
  })

  it('allows a total with shipping, for one product or a quantity of it', () => {
    expect(checkPrices('Con envío son $97.000', shop())).toEqual({ ok: true })
    expect(checkPrices('Dos cargadores con envío: $102.000', shop())).toEqual({ ok: true })
    expect(checkPrices('El envío cuesta $12.000', shop())).toEqual({ ok: true })
    // shipping twice is not a rule
    expect(checkPrices('Con doble envío: $113.000', shop())).toMatchObject({ ok: false })
  })

  it('allows repeating an amount the customer wrote', () => {
    const customer = '¿Me lo dejas en 70 mil?'
    expect(checkPrices('Lo siento, no puedo dejarlo en $70.000; el precio es $89.000.', shop(customer))).toEqual({ ok: true })
    expect(checkPrices('Lo siento, no puedo dejarlo en $70.000; el precio es $89.000.', shop())).toMatchObject({ ok: false })
  })

  it('tolerates half a peso, not more', () => {
    const allowed = allowedPrices({ productPrices: [89000.5], extraAllowedAmounts: [], customerAmounts: [] })
    expect(checkPrices('Cuesta $89.001', allowed)).toEqual({ ok: true })
    expect(checkPrices('Cuesta $89.000', allowed)).toEqual({ ok: true })
    expect(checkPrices('Cuesta $89.002', allowed)).toMatchObject({ ok: false })
  })

  it('checks prices in other currencies by value', () => {
    const allowed = allowedPrices({ productPrices: [25.99], extraAllowedAmounts: [], customerAmounts: [] })
    expect(checkPrices('El curso online cuesta US$25,99', allowed)).toEqual({ ok: true })
    expect(checkPrices('El curso online cuesta USD 19.99', allowed)).toMatchObject({ ok: false })
  })

  it('fails every amount when the catalog has no prices', () => {
    const none = allowedPrices({ productPrices: [], extraAllowedAmounts: [], customerAmounts: [] })
    expect(checkPrices('Cuesta $89.000', none)).toEqual({ ok: false, offending: [{ raw: '$89.000', value: 89000 }] })
    expect(checkPrices('Déjame confirmar el precio con el equipo 🙏', none)).toEqual({ ok: true })
  })

  it('gives raw text that occurs in the answer, so the sentence can be removed', () => {
    const reply = 'Claro. El curso cuesta $ 75.000 COP. ¿Te lo separo?'
    const result = checkPrices(reply, shop())
    expect(result.ok).toBe(false)
    if (!result.ok) for (const o of result.offending) expect(reply).toContain(o.raw)
  })
})

describe('isAllowedAmount', () => {
  it('applies each rule and nothing else', () => {
    const allowed = shop('tengo 100 mil')
    expect(isAllowedAmount(PIANO, allowed)).toBe(true)
    expect(isAllowedAmount(ENVIO, allowed)).toBe(true)
    expect(isAllowedAmount(100000, allowed)).toBe(true)
    expect(isAllowedAmount(2 * AUDIFONOS, allowed)).toBe(true)
    expect(isAllowedAmount(PIANO + CARGADOR, allowed)).toBe(true)
    expect(isAllowedAmount(CARGADOR + ENVIO, allowed)).toBe(true)
    expect(isAllowedAmount(PIANO - 1, allowed)).toBe(false)
    expect(isAllowedAmount(ENVIO * 2, allowed)).toBe(false)
    expect(isAllowedAmount(PIANO + AUDIFONOS + CARGADOR, allowed)).toBe(false)
    expect(isAllowedAmount(0, allowed)).toBe(false)
  })

  it('ignores a free product when looking for quantities', () => {
    const allowed = allowedPrices({ productPrices: [0, 89000], extraAllowedAmounts: [], customerAmounts: [] })
    expect(isAllowedAmount(0, allowed)).toBe(true)
    expect(isAllowedAmount(50000, allowed)).toBe(false)
  })
})
