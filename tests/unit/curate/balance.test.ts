import { describe, expect, it } from 'vitest'
import { capCategoryShare } from '../../../src/main/curate/balance'

interface Item {
  id: string
  category: string
}

/** Items in priority order: within a category, a lower index is better. */
function items(counts: Record<string, number>): Item[] {
  const out: Item[] = []
  for (const [category, n] of Object.entries(counts)) for (let i = 0; i < n; i++) out.push({ id: `${category}-${i}`, category })
  return out
}

const countBy = (list: Item[]) => list.reduce<Record<string, number>>((acc, i) => ({ ...acc, [i.category]: (acc[i.category] ?? 0) + 1 }), {})
const category = (i: Item) => i.category

describe('capCategoryShare', () => {
  it('keeps every category at or under the share of the final set', () => {
    const result = capCategoryShare(items({ general: 600, consulta_precio: 250, proceso_pago: 80, solicitud_foto: 40, consulta_envio: 30 }), category, 0.35)
    const counts = countBy(result.kept)
    const total = result.kept.length
    for (const n of Object.values(counts)) expect(n / total).toBeLessThanOrEqual(0.35 + 1e-9)
    // only the big ones are cut, the small ones are untouched
    expect(counts).toMatchObject({ proceso_pago: 80, solicitud_foto: 40, consulta_envio: 30 })
    expect(counts.general).toBe(counts.consulta_precio)
    expect(result.dropped.general).toBe(600 - counts.general!)
    // and the cap is the largest that works: one more would break it
    const cap = result.cap!
    expect((cap + 1) / (total + 2)).toBeGreaterThan(0.35)
  })

  it('keeps the first (best) items of a capped category', () => {
    const input = [...items({ general: 10 }), ...items({ a: 2, b: 2, c: 2 })]
    const result = capCategoryShare(input, category, 0.4)
    const general = result.kept.filter((i) => i.category === 'general').map((i) => i.id)
    expect(general).toEqual(general.map((_, n) => `general-${n}`))
  })

  it('changes nothing when no category is over the share', () => {
    const input = items({ a: 3, b: 3, c: 3 })
    const result = capCategoryShare(input, category, 0.4)
    expect(result.kept).toEqual(input)
    expect(result.dropped).toEqual({})
    expect(result.cap).toBeNull()
  })

  it('raises an impossible share to an even split instead of emptying the set', () => {
    const result = capCategoryShare(items({ a: 100, b: 50 }), category, 0.35)
    expect(result.effectiveShare).toBe(0.5)
    expect(countBy(result.kept)).toEqual({ a: 50, b: 50 })
  })

  it('rejects shares outside (0, 1]', () => {
    expect(() => capCategoryShare(items({ a: 1 }), category, 0)).toThrow(RangeError)
    expect(() => capCategoryShare(items({ a: 1 }), category, 1.5)).toThrow(RangeError)
  })
})
