import { describe, expect, it } from 'vitest'
import { ProductIndex } from '../../../src/main/retrieval/product-index'
import { product, shopCatalog } from '../../fixtures/catalog'

const ids = (hits: { product: { id: string } }[]) => hits.map((h) => h.product.id)

describe('ProductIndex (Spanish full-text over the catalog)', () => {
  const index = new ProductIndex(shopCatalog())

  it('finds a product however the customer spells it: no accents, plural, typos, slang capitals', () => {
    expect(ids(index.search('audifonos', 3))[0]).toBe('audifonos')
    expect(ids(index.search('AUDÍFONOS bluetooth?', 3))[0]).toBe('audifonos')
    expect(ids(index.search('tienen cursos de gitarra', 3))[0]).toBe('guitarra')
    expect(ids(index.search('cargadores usb c', 3))[0]).toBe('cargador')
    expect(ids(index.search('un smartwach', 3))[0]).toBe('reloj')
  })

  it('ranks a name match above a product that only mentions the word in its description', () => {
    // "música" is a keyword of the piano course and appears in two gadgets' descriptions.
    const hits = ids(index.search('algo de música', 5))
    expect(hits[0]).toBe('piano')
    expect(hits).toEqual(expect.arrayContaining(['audifonos', 'parlante']))
  })

  it('never returns an inactive product', () => {
    expect(ids(index.search('piano avanzado descontinuado', 5))).not.toContain('viejo')
    expect(index.get('viejo')).toBeUndefined()
  })

  it('finds nothing for a message made only of question words, rather than everything', () => {
    expect(index.search('¿cuánto cuesta?', 5)).toEqual([])
    expect(index.search('hola buenas tardes', 5)).toEqual([])
  })

  it('focuses one product only when the message is clearly about it', () => {
    expect(index.focusOf('quiero el de piano')?.id).toBe('piano')
    expect(index.focusOf('me interesan los audífonos')?.id).toBe('audifonos')
    // Every course matches "cursos" equally: no single focus.
    expect(index.focusOf('¿qué cursos tienen?')).toBeNull()
    expect(index.focusOf('¿y cuánto vale?')).toBeNull()
  })

  it('follows edits: an updated product is found by its new name, a removed one not at all', () => {
    const local = new ProductIndex(shopCatalog())
    local.upsert(product({ id: 'mouse', name: 'Mouse Gamer RGB', price: 59_000, keywords: ['gamer'] }))
    expect(ids(local.search('mouse gamer', 2))[0]).toBe('mouse')
    expect(ids(local.search('silencioso', 5))).not.toContain('mouse')
    local.remove('parlante')
    expect(ids(local.search('parlante', 5))).not.toContain('parlante')
    expect(local.size).toBe(shopCatalog().filter((p) => p.active).length - 1)
  })
})
