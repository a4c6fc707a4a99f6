import { describe, expect, it } from 'vitest'
import { OwnerClassifier, ownerFeatures, type OwnerExample } from '../../../src/main/evaluate/owner-classifier'

/** An owner for whom acknowledgements are neutral (3), praise is 4 and only a sale is 5. */
const OWNER: OwnerExample[] = [
  ...['ok', 'okis', 'listo', 'ok gracias', 'dale', 'vale', 'bueno', 'sí', 'listo gracias', 'okey', 'ok 👍', 'de una'].map((text) => ({ text, score: 3 as const })),
  ...['perfecto', 'excelente', 'genial 😍', 'me encanta', 'qué chévere', 'buenísimo'].map((text) => ({ text, score: 4 as const })),
  ...['me lo llevo', 'pásame el link', 'cómo pago?', 'te transfiero ya', 'lo quiero', 'ya consigné'].map((text) => ({ text, score: 5 as const })),
  ...['no me gusta', 'no me sirve', 'nada que ver', 'pésimo', 'no quiero'].map((text) => ({ text, score: 1 as const })),
  ...['no entiendo', 'muy caro', 'no gracias', '?', 'cómo así?'].map((text) => ({ text, score: 2 as const })),
  ...['cuánto cuesta?', 'hacen envíos?', 'tienen fotos?', 'lo voy a pensar'].map((text) => ({ text, score: 3 as const })),
]

function trained(examples = OWNER, options = {}) {
  const model = new OwnerClassifier(options)
  model.train(examples)
  return model
}

describe('ownerFeatures', () => {
  it('scopes negation: words after a negator are NOT_ words, up to the end of the clause', () => {
    const f = ownerFeatures('no me gusta, gracias')
    expect(f).toEqual(expect.arrayContaining(['w:no', 'w:NOT_me', 'w:NOT_gusta', 'w:gracias']))
    expect(f).not.toContain('w:gusta')
    expect(f).not.toContain('w:NOT_gracias')
  })

  it('has uni- and bigrams with message edges, emojis, form and the rule signals', () => {
    const f = ownerFeatures('Genial 😍, ¿y el precio?')
    expect(f).toEqual(expect.arrayContaining(['w:genial', 'b:^_genial', 'b:el_precio', 'b:precio_$', 'e:😍', 'f:question', 'r:praise', 'r:score4']))
  })

  it('sees through spelling: variants give the same word features', () => {
    expect(ownerFeatures('okis').filter((f) => f.startsWith('w:'))).toEqual(ownerFeatures('OK').filter((f) => f.startsWith('w:')))
  })
})

describe('OwnerClassifier', () => {
  it('learns the owner’s scale, including where it differs from the rules', () => {
    const model = trained()
    expect(model.size).toBe(OWNER.length)
    expect(model.predict('ok').score).toBe(3)
    expect(model.predict('me lo llevo').score).toBe(5)
    expect(model.predict('no me gusta').score).toBe(1)
    expect(model.predict('perfecto').score).toBe(4)
  })

  it('generalizes to replies it never saw, through shared words and rule signals', () => {
    const model = trained()
    // never reviewed, but acknowledgements as a family are a 3 for this owner
    expect(model.predict('okey dokey').score).toBe(3)
    expect(model.predict('listo, dale').score).toBe(3)
    // never reviewed, but a purchase for the rules
    expect(model.predict('me lo compro, pásame la cuenta').score).toBe(5)
  })

  it('returns a proper distribution and its expectation', () => {
    const p = trained().predict('gracias pero está caro')
    expect(p.distribution).toHaveLength(5)
    expect(p.distribution.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10)
    for (const q of p.distribution) expect(q).toBeGreaterThan(0)
    expect(p.expected).toBeCloseTo(p.distribution.reduce((a, q, k) => a + q * (k + 1), 0), 10)
    expect(p.score).toBe(p.distribution.indexOf(Math.max(...p.distribution)) + 1)
  })

  it('is less confident about words the owner never scored', () => {
    const model = trained()
    expect(model.predict('el martes paso por Pereira con mi cuñado').confidence).toBeLessThan(model.predict('ok').confidence)
  })

  it('knows nothing before training', () => {
    const p = new OwnerClassifier().predict('ok')
    expect(p.confidence).toBe(0)
    expect(p.distribution).toEqual([0.2, 0.2, 0.2, 0.2, 0.2])
    expect(new OwnerClassifier().size).toBe(0)
  })

  it('replaces the model on retraining', () => {
    const model = trained()
    model.train(OWNER.map((e) => ({ ...e, score: e.text === 'ok' ? (5 as const) : e.score })).concat(Array.from({ length: 8 }, () => ({ text: 'ok', score: 5 as const }))))
    expect(model.predict('ok').score).toBe(5)
    expect(model.size).toBe(OWNER.length + 8)
  })

  it('is deterministic for the same seed and examples', () => {
    expect(JSON.stringify(trained().toJSON())).toBe(JSON.stringify(trained().toJSON()))
    expect(JSON.stringify(trained(OWNER, { seed: 7 }).toJSON())).not.toBe(JSON.stringify(trained().toJSON()))
  })

  it('round-trips through JSON with identical predictions', () => {
    const model = trained()
    const restored = OwnerClassifier.fromJSON(JSON.parse(JSON.stringify(model.toJSON())))
    expect(restored.size).toBe(model.size)
    for (const text of ['ok', 'me lo llevo', 'no me gusta 👎', 'algo que nunca vio', '']) expect(restored.predict(text)).toEqual(model.predict(text))
    expect(JSON.stringify(restored.toJSON())).toBe(JSON.stringify(model.toJSON()))
  })

  it('rejects bad examples and corrupt files with a clear error', () => {
    expect(() => new OwnerClassifier().train([{ text: 'ok', score: 6 as never }])).toThrow(/example 0: score must be an integer from 1 to 5/)
    expect(() => new OwnerClassifier().train([{ text: 'ok', score: 2.5 as never }])).toThrow(RangeError)
    expect(() => OwnerClassifier.fromJSON({ version: 2 })).toThrow(/unsupported/)
    const json = trained().toJSON()
    expect(() => OwnerClassifier.fromJSON({ ...json, weights: json.weights.slice(1) })).toThrow(/corrupt/)
    expect(() => OwnerClassifier.fromJSON({ ...json, bias: [0, 0, 0, 0, Number.NaN] })).toThrow(/finite/)
  })

  it('trains on an empty list without failing and then knows nothing', () => {
    const model = new OwnerClassifier()
    model.train([])
    expect(model.size).toBe(0)
    expect(model.predict('ok').confidence).toBe(0)
  })
})

describe('the automatic score as a feature', () => {
  it('learns from few reviews how the owner relates to the automatic score, on words it never saw', () => {
    const examples = Array.from({ length: 40 }, (_, i) => {
      const base = (i % 2 === 0 ? 5 : 1) as 1 | 5
      return { text: `referencia${i} modelo${i}`, score: base, base }
    })
    const model = new OwnerClassifier()
    model.train(examples)
    expect(model.predict('pedido nuevo zeta', 5).score).toBe(5)
    expect(model.predict('pedido nuevo zeta', 1).score).toBe(1)
    // Without the automatic score the same unseen words carry nothing to go on.
    const p = model.predict('pedido nuevo zeta').distribution
    expect(Math.abs(p[0]! - p[4]!)).toBeLessThan(0.2)
  })
})
