import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../../src/main/kernel/hash'
import { stratifiedSplit } from '../../../src/main/curate/split'

interface Item {
  id: string
  category: string
}

const options = { ratio: 0.1, seed: 'autodidacta', idOf: (i: Item) => i.id, categoryOf: (i: Item) => i.category }

function items(counts: Record<string, number>): Item[] {
  const out: Item[] = []
  for (const [category, n] of Object.entries(counts)) for (let i = 0; i < n; i++) out.push({ id: `${category}-${i}`, category })
  return out
}

function shuffled<T>(list: T[], seed: number): T[] {
  const random = mulberry32(seed)
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

const ids = (list: Item[]) => list.map((i) => i.id)
const countBy = (list: Item[]) => list.reduce<Record<string, number>>((acc, i) => ({ ...acc, [i.category]: (acc[i.category] ?? 0) + 1 }), {})

describe('stratifiedSplit', () => {
  it('holds out about the ratio of every category, at least one where there are two or more', () => {
    const input = items({ consulta_precio: 200, consulta_producto: 95, proceso_pago: 12, solicitud_foto: 2, general: 1 })
    const { train, validation } = stratifiedSplit(input, options)
    expect(train.length + validation.length).toBe(input.length)
    expect(new Set([...ids(train), ...ids(validation)]).size).toBe(input.length)
    expect(countBy(validation)).toEqual({ consulta_precio: 20, consulta_producto: 10, proceso_pago: 1, solicitud_foto: 1 })
    // a lone example trains; it cannot be both learned and judged
    expect(countBy(train).general).toBe(1)
    expect(countBy(train).solicitud_foto).toBe(1)
  })

  it('always leaves at least one training example in a category', () => {
    const { train, validation } = stratifiedSplit(items({ general: 2, consulta_envio: 3 }), { ...options, ratio: 0.9 })
    expect(countBy(train)).toEqual({ general: 1, consulta_envio: 1 })
    expect(countBy(validation)).toEqual({ general: 1, consulta_envio: 2 })
  })

  it('is deterministic and ignores input order', () => {
    const input = items({ a: 50, b: 30, c: 7 })
    const first = stratifiedSplit(input, options)
    for (const seed of [1, 2, 3]) {
      const again = stratifiedSplit(shuffled(input, seed), options)
      expect(ids(again.train)).toEqual(ids(first.train))
      expect(ids(again.validation)).toEqual(ids(first.validation))
    }
  })

  it('picks by hash, not by position, and a different seed picks differently', () => {
    const input = items({ a: 100 })
    const one = ids(stratifiedSplit(input, options).validation)
    const other = ids(stratifiedSplit(input, { ...options, seed: 'otra semilla' }).validation)
    expect(one).not.toEqual(ids(input.slice(0, 10)))
    expect(one).not.toEqual(other)
  })

  it('interleaves categories in the training order', () => {
    const { train } = stratifiedSplit(items({ a: 50, b: 50 }), options)
    const firstHalf = countBy(train.slice(0, train.length / 2))
    expect(firstHalf.a).toBeGreaterThan(10)
    expect(firstHalf.b).toBeGreaterThan(10)
  })

  it('puts everything in train with ratio 0 and rejects ratios outside [0, 1)', () => {
    const input = items({ a: 10, b: 3 })
    expect(stratifiedSplit(input, { ...options, ratio: 0 }).validation).toEqual([])
    expect(() => stratifiedSplit(input, { ...options, ratio: 1 })).toThrow(RangeError)
    expect(() => stratifiedSplit(input, { ...options, ratio: -0.1 })).toThrow(RangeError)
  })
})
