import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../../src/main/kernel/hash'
import { chooseBands, dedupe, MinHasher } from '../../../src/main/curate/near-duplicates'
import { normalizeForShingles, normalizeKey } from '../../../src/main/curate/normalize'
import { generateSyntheticCandidates } from '../../support/synthetic-candidates'

const id = (s: string) => s

/** The true Jaccard similarity of two texts' character 5-gram sets, the quantity MinHash estimates. */
function trueJaccard(a: string, b: string, size = 5): number {
  const grams = (text: string) => {
    const t = normalizeForShingles(text)
    const out = new Set<string>()
    for (let i = 0; i + size <= t.length; i++) out.add(t.slice(i, i + size))
    return out
  }
  const x = grams(a)
  const y = grams(b)
  let inter = 0
  for (const g of x) if (y.has(g)) inter++
  return inter / (x.size + y.size - inter)
}

const BASE =
  'Hola Camila, el Smartwatch Deportivo S8 cuesta $149.000, mide ritmo cardíaco, oxígeno y pasos, tiene garantía de seis meses y el envío a Medellín vale $12.000. ¿Te lo separo?'
// One word swapped and an emoji: what the owner types when answering the same question again.
const PARAPHRASE =
  'Hola Camila, el Smartwatch Deportivo S8 vale $149.000, mide ritmo cardíaco, oxígeno y pasos, tiene garantía de seis meses y el envío a Medellín vale $12.000. ¿Te lo separo? 😊'
// Same template, different product and city: a different answer.
const OTHER_PRODUCT =
  'Hola Camila, el Parlante Portátil 20W cuesta $99.000, es resistente al agua, trae correa y tiene garantía de un año; el envío a Barranquilla vale $15.000. ¿Te lo separo?'
const UNRELATED = 'Atendemos de lunes a sábado de 8 a.m. a 7 p.m.; los domingos y festivos respondemos solo por este chat.'

describe('normalization', () => {
  it('folds case, accents and whitespace for the exact key, keeping punctuation', () => {
    expect(normalizeKey('  ¿Cuánto   CUESTA\tel  Envío?  ')).toBe('¿cuanto cuesta el envio?')
    expect(normalizeKey('Ñandú ÉXITO')).toBe('nandu exito')
  })

  it('drops punctuation and emoji for shingles', () => {
    expect(normalizeForShingles('¡Hola!! ¿Cuánto vale? 👍🏽 Gracias…')).toBe('hola cuanto vale gracias')
  })
})

describe('dedupe: exact duplicates', () => {
  it('drops texts equal after folding case, accents and spacing, keeping the first', () => {
    const items = ['¿Cuánto cuesta el curso de piano?', 'cuanto cuesta el curso de piano?', '¿CUÁNTO  cuesta el curso de   piano?', '¿Cuánto cuesta el curso de guitarra?']
    const result = dedupe(items, id, { threshold: 1 })
    expect(result.kept).toEqual(['¿Cuánto cuesta el curso de piano?', 'cuanto cuesta el curso de piano?', '¿Cuánto cuesta el curso de guitarra?'])
    expect(result.exactDuplicates).toBe(1)
    expect(result.nearDuplicates).toBe(0)
  })

  it('keeps distinct texts that differ only in punctuation when near-duplicates are off', () => {
    const result = dedupe(['ok.', 'ok!'], id, { threshold: 1 })
    expect(result.kept).toHaveLength(2)
  })

  it('works on objects through textOf and keeps the first of each group in input order', () => {
    const rows = [
      { id: 'a', text: 'Hola, ¿tienen envío a Cali?' },
      { id: 'b', text: 'Buen día' },
      { id: 'c', text: 'hola, ¿tienen envio a cali?' },
      { id: 'd', text: 'buen   día' },
    ]
    const result = dedupe(rows, (r) => r.text, { threshold: 0.85 })
    expect(result.kept.map((r) => r.id)).toEqual(['a', 'b'])
    expect(result.exactDuplicates).toBe(2)
  })
})

describe('dedupe: text in parts', () => {
  it('reads [question, answer] parts as if joined by a line break', () => {
    const rows: (string | string[])[] = [['¿Envían a Cali?', 'Sí, en 2 días.'], '¿envian a cali?\nSí, en 2 días.', ['¿Envían a', 'Cali? Sí, en 2 días.']]
    const result = dedupe(rows, (r) => r, { threshold: 1 })
    expect(result.exactDuplicates).toBe(2)
    // the boundary between parts counts as a space, never glues two words together
    expect(dedupe([['hola', 'mundo'], 'holamundo'], (r) => r, { threshold: 1 }).exactDuplicates).toBe(0)
  })
})

describe('dedupe: near duplicates', () => {
  it('drops a paraphrase with small edits and keeps different answers', () => {
    expect(trueJaccard(BASE, PARAPHRASE)).toBeGreaterThan(0.9)
    expect(trueJaccard(BASE, OTHER_PRODUCT)).toBeLessThan(0.5)
    const result = dedupe([BASE, PARAPHRASE, OTHER_PRODUCT, UNRELATED], id, { threshold: 0.85 })
    expect(result.kept).toEqual([BASE, OTHER_PRODUCT, UNRELATED])
    expect(result.nearDuplicates).toBe(1)
    expect(result.exactDuplicates).toBe(0)
  })

  it('keeps the first item of a cluster, whichever it is', () => {
    expect(dedupe([PARAPHRASE, BASE], id, { threshold: 0.85 }).kept).toEqual([PARAPHRASE])
    expect(dedupe([BASE, PARAPHRASE], id, { threshold: 0.85 }).kept).toEqual([BASE])
  })

  it('respects the threshold: a medium-similarity pair survives 0.85 and falls at 0.5', () => {
    const edited = BASE.replace('tiene garantía de seis meses y el envío a Medellín vale $12.000', 'tiene garantía de un año y el envío a Cali vale $8.000')
    const similarity = trueJaccard(BASE, edited)
    expect(similarity).toBeGreaterThan(0.6)
    expect(similarity).toBeLessThan(0.8)
    expect(dedupe([BASE, edited], id, { threshold: 0.85 }).kept).toHaveLength(2)
    expect(dedupe([BASE, edited], id, { threshold: 0.5 }).kept).toEqual([BASE])
  })

  it('threshold 1 disables near-duplicate removal', () => {
    const result = dedupe([BASE, PARAPHRASE], id, { threshold: 1 })
    expect(result.kept).toEqual([BASE, PARAPHRASE])
    expect(result.nearDuplicates).toBe(0)
  })

  it('catches a cluster of many variants, not only pairs', () => {
    const variants = [BASE, PARAPHRASE, BASE.replace('Camila', 'Camilo'), BASE.replace('¿Te lo separo?', '¿Lo separamos?'), `${BASE} Gracias.`]
    const result = dedupe(variants, id, { threshold: 0.8 })
    expect(result.kept).toEqual([BASE])
    expect(result.nearDuplicates).toBe(4)
  })

  it('works with word shingles too', () => {
    const long = 'el curso de piano básico trae cuarenta clases en video partituras en pdf acceso de por vida y un grupo de whatsapp con el profesor'
    const edited = long.replace('cuarenta', 'cuarenta y dos')
    const result = dedupe([long, edited, UNRELATED], id, { threshold: 0.7, shingle: 'word', shingleSize: 2 })
    expect(result.kept).toEqual([long, UNRELATED])
  })

  it('keeps texts with nothing to shingle (emoji only) without matching them to each other', () => {
    const result = dedupe(['👍', '🙏', BASE], id, { threshold: 0.85 })
    expect(result.kept).toEqual(['👍', '🙏', BASE])
  })

  it('is deterministic: the same input keeps the same items', () => {
    const rows = generateSyntheticCandidates(3000, 'det')
    const text = (c: (typeof rows)[number]) => `${c.userMessage}\n${c.response}`
    const first = dedupe(rows, text, { threshold: 0.85 })
    const second = dedupe(rows, text, { threshold: 0.85 })
    expect(second.kept.map((r) => r.id)).toEqual(first.kept.map((r) => r.id))
    expect(first.exactDuplicates).toBeGreaterThan(200)
    expect(first.nearDuplicates).toBeGreaterThan(200)
  })

  it('finds the planted duplicates in synthetic data', () => {
    const none = generateSyntheticCandidates(2000, 7, { exactDuplicateRate: 0, nearDuplicateRate: 0 })
    const planted = generateSyntheticCandidates(2000, 7, { exactDuplicateRate: 0.2, nearDuplicateRate: 0.2 })
    const text = (c: (typeof none)[number]) => `${c.userMessage}\n${c.response}`
    const baseline = dedupe(none, text, { threshold: 0.85 })
    const result = dedupe(planted, text, { threshold: 0.85 })
    expect(baseline.exactDuplicates).toBeLessThan(20)
    // 20% planted exact copies; near copies of an exact copy can collapse too.
    expect(result.exactDuplicates).toBeGreaterThan(0.18 * 2000)
    expect(result.nearDuplicates - baseline.nearDuplicates).toBeGreaterThan(0.12 * 2000)
  })

  it('rejects thresholds outside (0, 1]', () => {
    expect(() => dedupe([BASE], id, { threshold: 0 })).toThrow(RangeError)
    expect(() => dedupe([BASE], id, { threshold: 1.2 })).toThrow(RangeError)
  })

  it('reports progress up to the total', () => {
    const rows = generateSyntheticCandidates(5000, 3)
    const seen: number[] = []
    dedupe(rows, (c) => c.response, { threshold: 0.85 }, (done, total) => {
      expect(done).toBeLessThanOrEqual(total)
      seen.push(done / total)
    })
    expect(seen.at(-1)).toBe(1)
    expect([...seen].sort((x, y) => x - y)).toEqual(seen)
  })
})

/** Fraction of equal positions: the MinHash estimate of the Jaccard similarity of two shingle sets. */
function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let equal = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++
  return equal / a.length
}

describe('MinHash', () => {
  it('estimates Jaccard similarity without bias', () => {
    const random = mulberry32(5)
    const words = 'hola curso piano precio envío medellín gracias tarjeta nequi garantía foto color negro blanco audífonos parlante'.split(' ')
    const hasher = new MinHasher()
    const a = new Uint32Array(hasher.numPerm)
    const b = new Uint32Array(hasher.numPerm)
    let error = 0
    let absolute = 0
    const trials = 300
    for (let t = 0; t < trials; t++) {
      const base = Array.from({ length: 30 }, () => words[Math.floor(random() * words.length)]!)
      const other = [...base]
      for (let e = Math.floor(random() * 10); e > 0; e--) other[Math.floor(random() * other.length)] = words[Math.floor(random() * words.length)]!
      hasher.signature(base.join(' '), a)
      hasher.signature(other.join(' '), b)
      const diff = estimateJaccard(a, b) - trueJaccard(base.join(' '), other.join(' '))
      error += diff
      absolute += Math.abs(diff)
    }
    expect(Math.abs(error / trials)).toBeLessThan(0.01)
    expect(absolute / trials).toBeLessThan(0.04)
  })

  it('gives identical signatures for identical shingle sets and different ones for other seeds', () => {
    const one = new MinHasher({ seed: 1 })
    const two = new MinHasher({ seed: 2 })
    const [x, y, z] = [new Uint32Array(128), new Uint32Array(128), new Uint32Array(128)]
    one.signature('¿Cuánto vale?', x)
    one.signature('cuanto vale', y)
    two.signature('cuanto vale', z)
    expect(estimateJaccard(x, y)).toBe(1)
    expect([...z]).not.toEqual([...y])
  })

  it('chooses bands that catch pairs at the threshold and fit the signature', () => {
    for (const threshold of [0.5, 0.7, 0.85, 0.95]) {
      const { bands, rows } = chooseBands(threshold, 128)
      expect(bands * rows).toBeLessThanOrEqual(128)
      expect(1 - (1 - threshold ** rows) ** bands).toBeGreaterThanOrEqual(0.9)
      // and rarely surface pairs far below it
      expect(1 - (1 - (threshold - 0.35) ** rows) ** bands).toBeLessThan(0.5)
    }
  })

  it('rejects signature sizes that are not powers of two', () => {
    expect(() => new MinHasher({ numPerm: 100 })).toThrow(RangeError)
  })
})
