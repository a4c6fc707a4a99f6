// Issue 12 §2: a valid 20,000-row import held the server for ~18 s in one piece. It now runs
// in time slices: HTTP requests are answered while it works, the catalog still ends whole or
// as it was, and the limits are told in Spanish.
import { request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_CELL_CHARS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, parseCatalogFile } from '../../src/main/catalog/catalog-import'
import { startHttpServer, type RunningServer } from '../../src/main/server/http-server'
import { buildTestApp, callApi, type TestApp } from '../support/test-app'

function catalog(rows: number): string {
  const lines = ['codigo;nombre;descripcion;precio;categoria;palabras clave']
  for (let i = 0; i < rows; i++) {
    lines.push(`SKU-${i};Producto ${i} de prueba;Artículo número ${i} con garantía y envío a todo el país;${(i % 90) + 10}.000;Categoría ${i % 30};prueba, número ${i % 100}`)
  }
  return lines.join('\n')
}

/** One GET that any server answers at once (here 401/404): it measures only whether the loop is free. */
function ping(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/health`, { method: 'GET' }, (res) => {
      res.resume()
      res.on('end', () => resolve())
    })
    req.on('error', reject)
    req.end()
  })
}

describe('a 20,000-row catalog import', () => {
  let app: TestApp | undefined
  let server: RunningServer | undefined
  afterEach(async () => {
    await server?.close()
    await app?.dispose()
    server = undefined
    app = undefined
  })

  it('lets HTTP requests and timers through while it runs, and lands whole', async () => {
    app = await buildTestApp()
    server = await startHttpServer({ dispatch: app.dispatch, events: app.events, logger: app.logger, version: 't', rendererDir: '/nonexistent' })
    const url = server.url
    const content = catalog(MAX_IMPORT_ROWS)

    let importing = true
    let answeredDuring = 0
    let ticksDuring = 0
    const timer = setInterval(() => ticksDuring++, 5)
    const pinger = (async () => {
      while (importing) {
        await ping(url)
        if (importing) answeredDuring++
      }
    })()
    const report = await callApi(app, 'catalog.import', { format: 'csv', content, dryRun: false })
    importing = false
    clearInterval(timer)
    await pinger

    expect(report).toMatchObject({ rows: MAX_IMPORT_ROWS, created: MAX_IMPORT_ROWS, errors: [], applied: true })
    // Done in one piece, the import answered nothing until it finished: both counts were 0.
    expect(answeredDuring).toBeGreaterThan(3)
    expect(ticksDuring).toBeGreaterThan(3)
    expect(app.repos.products.count(app.accountId)).toBe(MAX_IMPORT_ROWS)
    // The retrieval index was rebuilt whole before the import reported success.
    expect(app.retriever.stats.products).toBe(MAX_IMPORT_ROWS)
    expect((await app.retriever.retrieve({ conversationId: 'x', text: 'producto 19999', focusProductId: null })).products[0]?.sku).toBe('SKU-19999')
  }, 120_000)

  it('undoes what it wrote when a write fails half-way: the catalog stays as it was', async () => {
    app = await buildTestApp()
    const before = await callApi(app, 'catalog.save', { product: { sku: 'SKU-5', name: 'Antes', price: 1000 } })
    // The owner saves a product with a code the file uses, while the file is being written: the
    // import planned SKU-19000 as new, so its insert fails on the unique code.
    const products = app.repos.products
    const insertMany = products.insertMany.bind(products)
    let raced = false
    products.insertMany = (accountId, inputs) => {
      if (!raced) {
        raced = true
        setImmediate(() => void app!.catalog.save(undefined, { sku: 'SKU-19000', name: 'Guardado mientras tanto', description: '', price: 5, currency: 'COP', category: null, keywords: [], active: true }))
      }
      return insertMany(accountId, inputs)
    }
    const result = await app.dispatch('catalog.import', { format: 'csv', content: catalog(MAX_IMPORT_ROWS), dryRun: false })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/no se cambió nada/)
    const all = products.all(app.accountId)
    expect(all.map((p) => p.sku).sort()).toEqual(['SKU-19000', 'SKU-5'])
    expect(all.find((p) => p.sku === 'SKU-5')).toMatchObject({ name: 'Antes', price: 1000, id: before.id })
    expect(app.retriever.stats.products).toBe(2)
  }, 120_000)
})

describe('import limits, in Spanish', () => {
  it('refuses a file over the size limit before reading it', () => {
    // Under the API's 10,000,000-character cap, over 10 MB in UTF-8: accents take two bytes.
    const content = `nombre;descripcion\n${'Ñandú;'.padEnd(60, 'á')}\n`.repeat(Math.ceil((MAX_IMPORT_BYTES / 2 + 1) / 60))
    expect(content.length).toBeLessThan(10_000_000)
    const result = parseCatalogFile(content, 'csv')
    expect(result.products).toEqual([])
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]!.message).toMatch(/^El archivo pesa [\d,]+ MB y el máximo es 10 MB: divídelo en varios archivos\.$/)
  })

  it('names a cell longer than the limit without reading it (a 60 KB price cell froze the server)', () => {
    const result = parseCatalogFile(`nombre;precio\nCurso;${'9'.repeat(60_000)}.\n`, 'csv')
    expect(result.products).toEqual([])
    expect(result.errors).toEqual([
      { row: 2, field: 'price', message: `el precio tiene 60.001 caracteres y una celda puede tener hasta ${MAX_CELL_CHARS.toLocaleString('es-CO')}` },
    ])
  })
})
