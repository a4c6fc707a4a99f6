// Each of the seed's bugs, shown failing with the seed's own rules and fixed with ours.
import { describe, expect, it } from 'vitest'
import { detectCategory } from '../../../src/main/evaluate/category'
import { assessReply } from '../../../src/main/evaluate/reply-scorer'
import { seedDetectCategory, seedQualityScore, seedWasSuccessful } from '../../support/seed-rules'

describe("the seed's bugs, fixed", () => {
  it('JavaScript \\b does not work next to accented letters: /\\bsí\\b/ never matches "sí"', () => {
    expect(/\b(sí)\b/.test('sí')).toBe(false)
    expect(/\b(no sé)\b/.test('no sé')).toBe(false)
    // so the seed falls through to its neutral default
    expect(seedQualityScore('sí')).toBe(3)
    expect(seedQualityScore('no sé')).toBe(3)
    expect(assessReply('sí').score).toBe(4)
    expect(assessReply('no sé').score).toBe(2)
  })

  it('"me gusta" is checked before "no me gusta", so a refusal scores 5', () => {
    expect(seedQualityScore('no me gusta')).toBe(5)
    expect(seedQualityScore('no lo quiero')).toBe(5)
    expect(seedWasSuccessful('no lo quiero')).toBe(true)
    expect(assessReply('no me gusta').score).toBe(1)
    expect(assessReply('no lo quiero')).toMatchObject({ score: 1, wasSuccessful: false })
  })

  it('"gracias" is a 5 anywhere, so a price objection with thanks is "very positive"', () => {
    expect(seedQualityScore('gracias pero está muy caro')).toBe(5)
    expect(seedQualityScore('no, gracias')).toBe(5)
    expect(assessReply('gracias pero está muy caro').score).toBe(2)
    expect(assessReply('no, gracias').score).toBe(2)
  })

  it('"bien" and "ok" are a 4 anywhere, including "no está bien"', () => {
    expect(seedQualityScore('no está bien')).toBe(4)
    expect(seedQualityScore('ok pero no entiendo')).toBe(4)
    expect(assessReply('no está bien').score).toBeLessThanOrEqual(2)
    expect(assessReply('ok pero no entiendo').score).toBe(2)
  })

  it('ignores emojis', () => {
    expect(seedQualityScore('👍')).toBe(3)
    expect(seedQualityScore('😡')).toBe(3)
    expect(assessReply('👍').score).toBe(4)
    expect(assessReply('😡').score).toBe(1)
  })

  it('misses repeated letters and chat spellings', () => {
    expect(seedQualityScore('siiii')).toBe(3)
    expect(seedQualityScore('okis')).toBe(3)
    expect(seedQualityScore('nada q ver')).toBe(3)
    expect(assessReply('siiii').score).toBe(4)
    expect(assessReply('okis').score).toBe(4)
    expect(assessReply('nada q ver').score).toBe(1)
  })

  it('counts "voy a" as a sale, including "voy a pensarlo"', () => {
    expect(seedWasSuccessful('voy a pensarlo')).toBe(true)
    expect(assessReply('voy a pensarlo')).toMatchObject({ score: 3, wasSuccessful: false })
  })

  it('misses purchase phrasings that do not use its exact words', () => {
    expect(seedWasSuccessful('me lo llevo')).toBe(false)
    expect(seedWasSuccessful('te transfiero ya')).toBe(false)
    expect(assessReply('me lo llevo').wasSuccessful).toBe(true)
    expect(assessReply('te transfiero ya').wasSuccessful).toBe(true)
  })

  it('misses unaccented spellings of its accented words ("envio", "metodo", "cuanto")', () => {
    expect(seedDetectCategory('hacen envios?')).toBe('general')
    expect(seedDetectCategory('cuanto?')).toBe('general')
    expect(seedWasSuccessful('cual es el metodo de pago')).toBe(false)
    expect(detectCategory('hacen envios?')).toBe('consulta_envio')
    expect(detectCategory('cuanto?')).toBe('consulta_precio')
    expect(assessReply('cual es el metodo de pago').wasSuccessful).toBe(true)
  })

  it('checks "quiero" before payment words, so wanting to pay is a product question', () => {
    expect(seedDetectCategory('quiero pagar con nequi')).toBe('consulta_producto')
    expect(detectCategory('quiero pagar con nequi')).toBe('proceso_pago')
  })

  it('treats any "ver" as a photo request', () => {
    expect(seedDetectCategory('a ver, cuánto cuesta?')).toBe('solicitud_foto')
    expect(detectCategory('a ver, cuánto cuesta?')).toBe('consulta_precio')
  })
})
