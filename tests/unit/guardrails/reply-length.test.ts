import { describe, expect, it } from 'vitest'
import { limitReplyLength } from '../../../src/main/guardrails/reply-length'

const graphemes = (s: string) => [...new Intl.Segmenter('es', { granularity: 'grapheme' }).segment(s)].length

describe('limitReplyLength', () => {
  it('returns an answer under the limit unchanged, only trimmed of surrounding whitespace', () => {
    expect(limitReplyLength('Hola, ¿cómo estás? 😊', 100)).toEqual({ text: 'Hola, ¿cómo estás? 😊', trimmed: false })
    expect(limitReplyLength('  Claro que sí.\n', 100)).toEqual({ text: 'Claro que sí.', trimmed: false })
  })

  it('counts graphemes, so an answer of exactly the limit with emojis is not cut', () => {
    const text = 'Listo 👩🏽‍💻👍🏽🇨🇴'
    expect(graphemes(text)).toBe(9)
    expect(limitReplyLength(text, 9)).toEqual({ text, trimmed: false })
  })

  it('keeps whole sentences that fit', () => {
    const text = 'Sí, lo tenemos en talla M. Cuesta $89.900 con envío incluido. ¿Te lo separo?'
    expect(limitReplyLength(text, 70)).toEqual({ text: 'Sí, lo tenemos en talla M. Cuesta $89.900 con envío incluido.', trimmed: true })
    expect(limitReplyLength(text, 40)).toEqual({ text: 'Sí, lo tenemos en talla M.', trimmed: true })
  })

  it('ends sentences at ! ? … and line breaks', () => {
    expect(limitReplyLength('¡Claro! Te lo envío hoy mismo por Servientrega', 20).text).toBe('¡Claro!')
    expect(limitReplyLength('¿Qué talla usas? Tenemos de la S a la XL', 20).text).toBe('¿Qué talla usas?')
    expect(limitReplyLength('Claro que sí… Te cuento que tenemos varios modelos', 20).text).toBe('Claro que sí…')
    expect(limitReplyLength('Hola\nTenemos tallas S, M y L\nEnvío gratis', 30).text).toBe('Hola\nTenemos tallas S, M y L')
  })

  it('ends a sentence at an emoji, and keeps the emoji with the sentence before it', () => {
    expect(limitReplyLength('Perfecto 😊 Te lo envío mañana temprano', 15)).toEqual({ text: 'Perfecto 😊', trimmed: true })
    expect(limitReplyLength('¡Listo! 🙌 Ya quedó tu pedido separado', 12)).toEqual({ text: '¡Listo! 🙌', trimmed: true })
    // Lowercase after the emoji: the sentence goes on, so it is a word cut.
    expect(limitReplyLength('Te va a encantar 😍 y además es muy barato', 20)).toEqual({ text: 'Te va a encantar 😍…', trimmed: true })
  })

  it('cuts a first sentence that is too long at a word boundary, with "…"', () => {
    const result = limitReplyLength('Tenemos tres modelos, todos en cuero, con garantía de un año', 24)
    expect(result).toEqual({ text: 'Tenemos tres modelos…', trimmed: true })
  })

  it('does not send a lone greeting when the limit had room for the answer', () => {
    const text = '¡Hola! 👋 Sí tenemos el bolso en cuero café y negro, en todas las tallas.'
    expect(limitReplyLength(text, 40)).toEqual({ text: '¡Hola! 👋 Sí tenemos el bolso en cuero…', trimmed: true })
    expect(limitReplyLength(text, 12)).toEqual({ text: '¡Hola! 👋', trimmed: true })
  })

  it('never cuts inside a price', () => {
    const text = 'El precio es $1.200.000 con envío incluido a cualquier ciudad'
    expect(limitReplyLength(text, 20).text).toBe('El precio es…')
    expect(limitReplyLength(text, 25).text).toBe('El precio es $1.200.000…')
    expect(limitReplyLength('Vale $ 45.900 pesos y llega en dos días', 16).text).toBe('Vale…')
  })

  it('never cuts inside a link, even where Intl sees a sentence end', () => {
    const text = 'Mira el catálogo en www.Tienda.com/Producto?id=1 y me cuentas cuál te gusta'
    const result = limitReplyLength(text, 50)
    expect(result.text).toBe('Mira el catálogo en www.Tienda.com/Producto?id=1…')
    expect(limitReplyLength('Aquí está: https://tienda.co/p/123 . Cualquier duda me escribes', 20).text).toBe('Aquí está…')
  })

  it('never splits an emoji sequence', () => {
    const family = '👨‍👩‍👧‍👦'
    const text = `Hola ${family.repeat(10)}`
    const result = limitReplyLength(text, 8)
    expect(result.trimmed).toBe(true)
    expect(result.text).not.toMatch(/\u200d…|\u200d$/)
    expect(result.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
    // No word boundary at all: the cut falls between whole graphemes.
    expect(limitReplyLength(family.repeat(10), 4)).toEqual({ text: `${family.repeat(3)}…`, trimmed: true })
  })

  it('always stays within the limit', () => {
    const text = 'Hola 👋 Sí tenemos el bolso en cuero café y negro. Cuesta $189.900 y el envío a Bogotá vale $12.000. Puedes pagar por Nequi o contraentrega: https://tienda.co/pagos. ¿Te lo separo? 😊'
    for (let limit = 1; limit < graphemes(text); limit++) {
      const result = limitReplyLength(text, limit)
      expect(graphemes(result.text), `limit ${limit}: ${result.text}`).toBeLessThanOrEqual(limit)
      expect(result.trimmed, `limit ${limit}`).toBe(true)
      expect(result.text).not.toMatch(/\$1(?:8|89|89\.|89\.9|89\.90)…?$/)
      expect(result.text).not.toMatch(/https:\/\/tienda\.co\/pag…?$/)
    }
    expect(limitReplyLength(text, graphemes(text))).toEqual({ text, trimmed: false })
  })

  it('treats a limit that is not a positive number as no limit', () => {
    expect(limitReplyLength(' Hola amigo. ', 0)).toEqual({ text: 'Hola amigo.', trimmed: false })
    expect(limitReplyLength('Hola amigo.', Number.NaN)).toEqual({ text: 'Hola amigo.', trimmed: false })
  })
})
