import { describe, expect, it } from 'vitest'
import { MAX_IMPORT_ROWS, parseCatalogFile } from '../../../src/main/catalog/catalog-import'

const PIANO = {
  sku: 'PIANO-01',
  name: 'Curso de Piano Básico',
  description: '',
  price: 89000,
  currency: 'COP',
  category: 'Cursos',
  keywords: ['piano', 'música'],
  active: true,
}

describe('parseCatalogFile: CSV', () => {
  it('reads an English header with every field', () => {
    const csv =
      'sku,name,description,price,currency,category,keywords,active\n' +
      'PIANO-01,Curso de Piano Básico,,89000,COP,Cursos,"piano, música",true\n'
    expect(parseCatalogFile(csv, 'csv')).toEqual({ products: [{ row: 2, input: PIANO }], errors: [], rows: 1 })
  })

  it('reads a Spanish-Excel export: BOM, ";", accents and case in headers, quoted multi-line description', () => {
    const csv =
      '\ufeffCÓDIGO;Nombre;Descripción;Precio;Moneda;Categoría;Palabras clave;Disponible\r\n' +
      'PIANO-01;Curso de Piano Básico;"Aprende desde cero.\r\nIncluye 24 clases; partituras en PDF";$89.000;COP;Cursos;piano; sí\r\n' +
      'AUD-X2;Audífonos Bluetooth X2;Batería de 20 h;85.000;;Gadgets;audífonos|bluetooth|inalámbricos;x\r\n' +
      'CARG-33;Cargador Rápido USB-C 33W;;45.000;pesos;Gadgets;;no\r\n'
    const result = parseCatalogFile(csv, 'csv')
    expect(result.errors).toEqual([])
    expect(result.rows).toBe(3)
    expect(result.products.map((p) => p.row)).toEqual([2, 3, 4])
    const [piano, audifonos, cargador] = result.products.map((p) => p.input)
    expect(piano).toMatchObject({
      sku: 'PIANO-01',
      name: 'Curso de Piano Básico',
      description: 'Aprende desde cero.\r\nIncluye 24 clases; partituras en PDF',
      price: 89000,
      currency: 'COP',
      keywords: ['piano'],
      active: true,
    })
    expect(audifonos).toMatchObject({ price: 85000, currency: 'COP', category: 'Gadgets', keywords: ['audífonos', 'bluetooth', 'inalámbricos'], active: true })
    expect(cargador).toMatchObject({ name: 'Cargador Rápido USB-C 33W', price: 45000, currency: 'COP', keywords: [], active: false })
  })

  it.each([
    ['codigo;producto;detalle;valor;divisa;categoria;etiquetas;activo'],
    ['Referencia;NOMBRE;descripcion;Precio (COP);moneda;Categoria;Palabras_Clave;activo'],
    ['ref;nombre del producto;detalles;precio de venta;currency;category;tags;active'],
  ])('accepts the aliases in %j', (header) => {
    const result = parseCatalogFile(`${header}\nPIANO-01;Curso de Piano Básico;;89.000;COP;Cursos;piano, música;sí\n`, 'csv')
    expect(result.errors).toEqual([])
    expect(result.products[0]!.input).toEqual(PIANO)
  })

  it('ignores unknown columns', () => {
    const result = parseCatalogFile('nombre,stock,precio,proveedor\nCurso de Piano Básico,12,89000,Yamaha\n', 'csv')
    expect(result.errors).toEqual([])
    expect(result.products[0]!.input).toMatchObject({ name: 'Curso de Piano Básico', price: 89000 })
  })

  it('applies the defaults for missing and blank columns', () => {
    const result = parseCatalogFile('nombre;precio\nCurso de Piano Básico;\nAsesoría personalizada;a convenir\n', 'csv')
    expect(result.errors).toEqual([])
    expect(result.products.map((p) => p.input)).toEqual([
      { sku: null, name: 'Curso de Piano Básico', description: '', price: null, currency: 'COP', category: null, keywords: [], active: true },
      { sku: null, name: 'Asesoría personalizada', description: '', price: null, currency: 'COP', category: null, keywords: [], active: true },
    ])
  })

  it.each([
    ['sí', true],
    ['Si', true],
    ['SI', true],
    ['x', true],
    ['1', true],
    ['true', true],
    ['VERDADERO', true],
    ['no', false],
    ['NO', false],
    ['0', false],
    ['false', false],
    ['FALSO', false],
    ['agotado', false],
  ])('reads active %j as %s', (cell, active) => {
    const result = parseCatalogFile(`nombre;activo\nCurso de Piano Básico;${cell}\n`, 'csv')
    expect(result.errors).toEqual([])
    expect(result.products[0]!.input.active).toBe(active)
  })

  it('takes the currency from the price cell when there is no currency column', () => {
    const result = parseCatalogFile('nombre;precio\nCurso online internacional;USD 25\n', 'csv')
    expect(result.products[0]!.input).toMatchObject({ price: 25, currency: 'USD' })
  })

  it('reports every error of a mixed file with its row, and still returns the good rows', () => {
    const csv = [
      'sku;nombre;precio;moneda;activo',
      'PIANO-01;Curso de Piano Básico;89.000;COP;sí', // sheet row 2 (the titles are row 1): ok
      'AUD-X2;;85.000;COP;sí', // 3 no name
      'CARG-33;Cargador Rápido USB-C 33W;cuarenta mil;COP;sí', // 4 bad price
      ';;;;', // blank line: not a product, but it keeps its number
      'PIANO-01;Curso de Piano Intermedio;120.000;COP;sí', // 6 repeated sku
      'GUIT-01;Curso de Guitarra;-50.000;pesitos;quizás', // 7 three problems
      'ENVIO;Envío nacional;12.000;COP;sí', // 8 ok
    ].join('\n')
    const result = parseCatalogFile(csv, 'csv')
    expect(result.rows).toBe(6)
    expect(result.products.map((p) => [p.row, p.input.sku])).toEqual([
      [2, 'PIANO-01'],
      [8, 'ENVIO'],
    ])
    expect(result.errors).toEqual([
      { row: 3, field: 'name', message: 'el nombre está vacío' },
      { row: 4, field: 'price', message: expect.stringMatching(/^«cuarenta mil» no es un precio/) },
      { row: 6, field: 'sku', message: expect.stringContaining('«PIANO-01» ya aparece en la fila 2') },
      { row: 7, field: 'active', message: expect.stringContaining('«quizás» no es sí ni no') },
      { row: 7, field: 'price', message: 'el precio no puede ser negativo' },
      { row: 7, field: 'currency', message: expect.stringContaining('«PESITOS» no es un código de moneda') },
    ])
  })

  it('translates length limits into Spanish', () => {
    const long = 'a'.repeat(201)
    const result = parseCatalogFile(`nombre;sku;categoría;palabras clave\n${long};${'S'.repeat(65)};${'c'.repeat(81)};${'k'.repeat(61)}\n`, 'csv')
    expect(result.products).toEqual([])
    expect(result.errors).toEqual([
      { row: 2, field: 'sku', message: 'el código (SKU) tiene más de 64 caracteres' },
      { row: 2, field: 'name', message: 'el nombre tiene más de 200 caracteres' },
      { row: 2, field: 'category', message: 'la categoría tiene más de 80 caracteres' },
      { row: 2, field: 'keywords', message: expect.stringContaining('tiene más de 60 caracteres') },
    ])
  })

  it('limits the number of keywords', () => {
    const keywords = Array.from({ length: 51 }, (_, i) => `k${i}`).join('|')
    const result = parseCatalogFile(`nombre;tags\nCurso;${keywords}\n`, 'csv')
    expect(result.errors).toEqual([{ row: 2, field: 'keywords', message: 'hay más de 50 palabras clave' }])
  })

  it('reports a row that has more cells than the header (an unquoted delimiter)', () => {
    const result = parseCatalogFile('nombre,descripcion,precio\nCurso de Piano, nivel básico,Clases en video,89000\nAudífonos Bluetooth X2,,85000\n', 'csv')
    expect(result.errors).toEqual([{ row: 2, field: null, message: expect.stringContaining('ponlo entre comillas') }])
    expect(result.products.map((p) => p.row)).toEqual([3])
  })

  it('rejects a header without a name column, listing the accepted names', () => {
    const result = parseCatalogFile('sku;precio\nPIANO-01;89.000\nAUD-X2;85.000\n', 'csv')
    expect(result.products).toEqual([])
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatchObject({ row: 0, field: null })
    expect(result.errors[0]!.message).toContain('«nombre», «producto» o «name»')
  })

  it('reports two columns for the same field', () => {
    const result = parseCatalogFile('nombre;producto;precio\nCurso de Piano Básico;Piano;89.000\n', 'csv')
    expect(result.errors).toEqual([{ row: 0, field: 'name', message: expect.stringContaining('«nombre» y «producto»') }])
  })

  it('reports an unterminated quote', () => {
    const result = parseCatalogFile('nombre;descripcion\nCurso;"sin cerrar\n', 'csv')
    expect(result.products).toEqual([])
    expect(result.errors).toEqual([{ row: 2, field: null, message: expect.stringContaining('línea 2') }])
  })

  it('reports an empty file and a header without rows', () => {
    expect(parseCatalogFile('', 'csv').errors).toEqual([{ row: 0, field: null, message: 'El archivo está vacío.' }])
    expect(parseCatalogFile('\ufeff\r\n', 'csv').errors).toHaveLength(1)
    expect(parseCatalogFile('nombre;precio\n', 'csv')).toMatchObject({ rows: 0, products: [], errors: [{ row: 0 }] })
  })

  it(`refuses more than ${MAX_IMPORT_ROWS} rows with a single error`, () => {
    const body = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `Producto ${i};1000`).join('\n')
    const result = parseCatalogFile(`nombre;precio\n${body}\n`, 'csv')
    expect(result.rows).toBe(MAX_IMPORT_ROWS + 1)
    expect(result.products).toEqual([])
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatchObject({ row: 0, field: null })
    expect(result.errors[0]!.message).toContain('20.000')
  })

  it('accepts exactly the maximum', () => {
    const body = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => `SKU-${i};Producto ${i};1.000`).join('\n')
    const result = parseCatalogFile(`sku;nombre;precio\n${body}\n`, 'csv')
    expect(result.errors).toEqual([])
    expect(result.products).toHaveLength(MAX_IMPORT_ROWS)
  })
})

describe('parseCatalogFile: JSON', () => {
  it('reads an array with English keys', () => {
    const json = JSON.stringify([
      { sku: 'PIANO-01', name: 'Curso de Piano Básico', price: 89000, currency: 'COP', category: 'Cursos', keywords: ['piano', 'música'], active: true },
    ])
    expect(parseCatalogFile(json, 'json')).toEqual({ products: [{ row: 1, input: PIANO }], errors: [], rows: 1 })
  })

  it('reads { "products": [...] } with Spanish keys, string prices and string keywords', () => {
    const json = JSON.stringify({
      products: [
        { Código: 'PIANO-01', Nombre: 'Curso de Piano Básico', Precio: '$89.000', Categoría: 'Cursos', 'Palabras clave': 'piano, música', Activo: 'sí' },
        { codigo: 123, nombre: 'Audífonos Bluetooth X2', precio: '85.000', moneda: 'cop', disponible: 1, etiquetas: ['bluetooth'] },
        { nombre: 'Asesoría', precio: null, descripcion: null },
      ],
    })
    const result = parseCatalogFile(json, 'json')
    expect(result.errors).toEqual([])
    expect(result.products.map((p) => p.input)).toEqual([
      PIANO,
      { sku: '123', name: 'Audífonos Bluetooth X2', description: '', price: 85000, currency: 'COP', category: null, keywords: ['bluetooth'], active: true },
      { sku: null, name: 'Asesoría', description: '', price: null, currency: 'COP', category: null, keywords: [], active: true },
    ])
  })

  it('reads { "productos": [...] } too', () => {
    const result = parseCatalogFile('{"productos":[{"nombre":"Curso de Piano Básico","precio":89000}]}', 'json')
    expect(result.products).toHaveLength(1)
  })

  it('reports every bad product with its position in the list', () => {
    const json = JSON.stringify([
      { nombre: 'Curso de Piano Básico', precio: 89000 },
      { nombre: '', precio: 85000 },
      'Cargador',
      { nombre: 'Cargador Rápido USB-C 33W', precio: true, activo: 'tal vez', palabras_clave: 5 },
      { nombre: ['x'], precio: -1 },
      { sku: 'A', nombre: 'Uno', precio: 1 },
      { sku: 'A', nombre: 'Dos', precio: 2 },
    ])
    const result = parseCatalogFile(json, 'json')
    expect(result.rows).toBe(7)
    expect(result.products.map((p) => p.row)).toEqual([1, 6])
    expect(result.errors).toEqual([
      { row: 2, field: 'name', message: 'el nombre está vacío' },
      { row: 3, field: null, message: expect.stringContaining('debe ser un objeto') },
      { row: 4, field: 'price', message: 'true no es un precio' },
      { row: 4, field: 'keywords', message: expect.stringContaining('deben ser una lista') },
      { row: 4, field: 'active', message: expect.stringContaining('«tal vez» no es sí ni no') },
      { row: 5, field: 'name', message: expect.stringContaining('el nombre debe ser un texto') },
      { row: 5, field: 'price', message: 'el precio no puede ser negativo' },
      { row: 7, field: 'sku', message: expect.stringContaining('ya aparece en el producto 6') },
    ])
  })

  it('reports invalid JSON once, at row 0, with where it broke', () => {
    const result = parseCatalogFile('[\n  {"nombre": "Curso de Piano Básico", "precio": 89000},\n  {"nombre": "Audífonos" "precio": 85000}\n]', 'json')
    expect(result.products).toEqual([])
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatchObject({ row: 0, field: null })
    expect(result.errors[0]!.message).toMatch(/^El JSON no es válido cerca de la línea 3, columna \d+/)
  })

  it('reports a JSON that is not a list of products', () => {
    for (const json of ['{"items": []}', '"hola"', '42', 'null']) {
      const result = parseCatalogFile(json, 'json')
      expect(result.errors, json).toEqual([{ row: 0, field: null, message: expect.stringContaining('lista de productos') }])
    }
    expect(parseCatalogFile('[]', 'json').errors).toEqual([{ row: 0, field: null, message: 'La lista de productos está vacía.' }])
  })

  it(`refuses more than ${MAX_IMPORT_ROWS} products with a single error`, () => {
    const list = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => ({ nombre: `Producto ${i}` }))
    const result = parseCatalogFile(JSON.stringify(list), 'json')
    expect(result.errors).toHaveLength(1)
    expect(result.products).toEqual([])
  })

  it('never throws on hostile input', () => {
    for (const content of ['', '\ufeff', '[', '{"products": {}}', '[null, 1, [], {}]', '\u0000\u0001', '{"__proto__": {"name": "x"}}']) {
      expect(() => parseCatalogFile(content, 'json'), content).not.toThrow()
      expect(() => parseCatalogFile(content, 'csv'), content).not.toThrow()
    }
  })
})
