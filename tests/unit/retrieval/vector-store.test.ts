import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../../src/main/kernel/hash'
import { VectorStore } from '../../../src/main/retrieval/vector-store'

function cosine(a: number[], b: number[]): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!
    na += a[i]! ** 2
    nb += b[i]! ** 2
  }
  return dot / Math.sqrt(na * nb)
}

describe('VectorStore (int8 cosine nearest neighbours)', () => {
  const random = mulberry32(7)
  const vectors = Array.from({ length: 400 }, () => Array.from({ length: 64 }, () => random() * 2 - 1))

  it('ranks like exact float cosine, with similarities within 2%', () => {
    const store = new VectorStore(8)
    vectors.forEach((v, i) => store.set(`v${i}`, v))
    for (const q of vectors.slice(0, 20).map((v) => v.map((x) => x + (random() - 0.5) * 0.3))) {
      const exact = vectors.map((v, i) => ({ id: `v${i}`, s: cosine(q, v) })).sort((a, b) => b.s - a.s)
      const found = store.nearest(q, 5)
      expect(found[0]!.id).toBe(exact[0]!.id)
      expect(found.map((f) => f.id).filter((id) => exact.slice(0, 8).some((e) => e.id === id))).toHaveLength(5)
      expect(Math.abs(found[0]!.similarity - exact[0]!.s)).toBeLessThan(0.02)
    }
  })

  it('replaces, deletes and skips without losing track of the other rows', () => {
    const store = new VectorStore(2)
    store.set('a', [1, 0, 0])
    store.set('b', [0, 1, 0])
    store.set('c', [0, 0, 1])
    store.set('a', [0, 0.9, 0.1])
    expect(store.nearest([0, 1, 0], 1)[0]!.id).toBe('b')
    store.delete('b')
    expect(store.size).toBe(2)
    expect(store.nearest([0, 1, 0], 1)[0]!.id).toBe('a')
    expect(store.nearest([0, 1, 0], 2, (id) => id === 'a').map((h) => h.id)).toEqual(['c'])
    expect(() => store.set('d', [1, 2])).toThrow(/dimensions/)
  })
})
