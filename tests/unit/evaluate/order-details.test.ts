// An order's detail sent on its own, read with no bot answer at hand (a first message, or
// `cli score` with text alone). Each case fails if the detail reader is removed.
import { describe, expect, it } from 'vitest'
import { scoreMessage, type ScorerParts } from '../../../src/main/evaluate/message-scorer'
import { SentimentModel } from '../../../src/main/evaluate/sentiment-model'
import { SENTIMENT_WEIGHTS } from '../../../src/main/evaluate/sentiment-weights'

const parts: ScorerParts = { sentiment: SentimentModel.decode(SENTIMENT_WEIGHTS) }

describe('an order detail sent on its own', () => {
  it.each(['a nombre de Carlos', 'con factura a nombre de mi empresa', 'para 20 personas', 'extra queso', 'mitad pepperoni mitad champiñones', 'la de 500 mg', 'el de 128 gb', 'grande de pepperoni', 'mejor el samsung', 'dos de pollo crispy', 'en color grafito', 'talla M', 'sin cebolla porfa', 'Uno de cada sabor, para llevar', 'para el sábado a las 3pm', 'el negro en 42', 'familiar mitad pepperoni mitad champiñones'])(
    '"%s" fills in an order',
    (text) => {
      expect(scoreMessage({ text }, parts)).toMatchObject({ wasSuccessful: true, category: 'proceso_pago', score: 5 })
    },
  )

  it.each(['¿talla M?', 'la talla M la tienen?', 'sin señal desde ayer', 'sin palabras 😍', 'sin', 'mejor no', 'a nombre de quién está la cuenta? quiero pagar', 'la azul', 'para 20 personas alcanza? o pido otra', 'dos de mis amigos ya compraron aquí y están felices con todo', 'la tienda en 42', 'para el sábado está abierto?'])(
    '"%s" is no detail of an order by itself',
    (text) => {
      expect(scoreMessage({ text }, parts).signals.some((s) => s.startsWith('order:detail:'))).toBe(false)
    },
  )
})
