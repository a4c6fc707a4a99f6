import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, callApi, type TestApp } from '../support/test-app'

/** Catálogo's search, through the API on a real SQLite file: the owner types as customers do. */
describe('Catálogo search', () => {
  let app: TestApp
  const names = async (query: string, page: { limit?: number; offset?: number } = {}) => {
    const { items, total } = await callApi(app, 'catalog.list', { query, limit: page.limit ?? 50, offset: page.offset ?? 0 })
    return { names: items.map((p) => p.name), total }
  }

  beforeAll(async () => {
    app = await buildTestApp()
    const products = [
      { name: 'Audífonos Bluetooth X2', sku: 'AUD-X2', category: 'Audio', keywords: ['inalámbricos'] },
      { name: 'Curso de inglés básico', sku: 'CUR-ING', category: 'Cursos', keywords: [] },
      { name: 'Cargador rápido USB-C', sku: 'CAR-01', category: 'Accesorios', keywords: ['celular'] },
      { name: 'Luz LED para escritorio', sku: null, category: 'Hogar', keywords: [], description: 'Tres niveles de brillo, ideal para leer' },
      { name: 'Funda para audífonos', sku: 'FUN-07', category: 'Accesorios', keywords: [] },
    ]
    for (const p of products) await callApi(app, 'catalog.save', { product: { description: '', price: 10_000, ...p } })
  })
  afterAll(async () => app.dispose())

  it('folds accents, capitals and plurals as the bot does: "audifonos", "AUDIFONOS", "audifono", "ingles"', async () => {
    for (const query of ['audifonos', 'AUDIFONOS', 'audifono', 'Audífono', 'audífonos bluetooth']) {
      expect((await names(query)).names, query).toContain('Audífonos Bluetooth X2')
    }
    expect((await names('audifonos')).names).toEqual(['Audífonos Bluetooth X2', 'Funda para audífonos'])
    expect((await names('ingles')).names).toEqual(['Curso de inglés básico'])
    expect((await names('INGLÉS BASICO')).names).toEqual(['Curso de inglés básico'])
    expect((await names('cargadores')).names).toEqual(['Cargador rápido USB-C'])
    expect((await names('luces')).names).toEqual(['Luz LED para escritorio'])
  })

  it('still finds a part of a word, a SKU, a category, a keyword or the description; every word must match', async () => {
    expect((await names('audi')).names).toEqual(['Audífonos Bluetooth X2', 'Funda para audífonos'])
    expect((await names('aud-x2')).names).toEqual(['Audífonos Bluetooth X2'])
    expect((await names('accesorios')).total).toBe(2)
    expect((await names('inalambrico')).names).toEqual(['Audífonos Bluetooth X2'])
    expect((await names('brillo')).names).toEqual(['Luz LED para escritorio'])
    expect((await names('audifonos funda')).names).toEqual(['Funda para audífonos'])
    expect((await names('audifonos piano')).total).toBe(0)
    expect((await names('100%_')).total).toBe(0)
  })

  it('pages the matches in name order with the full count', async () => {
    expect(await names('a', { limit: 2 })).toEqual({ names: ['Audífonos Bluetooth X2', 'Cargador rápido USB-C'], total: 5 })
    expect((await names('a', { limit: 2, offset: 4 })).names).toEqual(['Luz LED para escritorio'])
  })

  it('finds products written before the folded search text existed (it is filled on the first search)', async () => {
    app.repos.db.$client.prepare('UPDATE products SET searchText = NULL').run()
    expect((await names('audifonos')).names).toEqual(['Audífonos Bluetooth X2', 'Funda para audífonos'])
    const left = app.repos.db.$client.prepare('SELECT count(*) AS n FROM products WHERE searchText IS NULL').get() as { n: number }
    expect(left.n).toBe(0)
  })

  it('follows an edit: the old name no longer matches, the new one does', async () => {
    const [luz] = (await callApi(app, 'catalog.list', { query: 'luz', limit: 5, offset: 0 })).items
    const { sku, price, currency, category, keywords, active } = luz!
    await callApi(app, 'catalog.save', { id: luz!.id, product: { sku, price, currency, category, keywords, active, name: 'Lámpara LED para escritorio', description: '' } })
    expect((await names('luz')).total).toBe(0)
    expect((await names('lampara')).names).toEqual(['Lámpara LED para escritorio'])
  })
})
