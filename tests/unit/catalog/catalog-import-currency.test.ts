import { describe, expect, it } from 'vitest'
import { parseCatalogFile } from '../../../src/main/catalog/catalog-import'

const currencies = (content: string, format: 'csv' | 'json', currency?: string) => {
  const parsed = parseCatalogFile(content, format, currency === undefined ? {} : { currency })
  expect(parsed.errors).toEqual([])
  return parsed.products.map((p) => p.input.currency)
}

describe('the catalog import and the shop currency', () => {
  it('prices a row that names no currency in the shop currency, and in Colombian pesos without one', () => {
    const csv = 'nombre;precio\nCurso;1600\nReloj;$ 2.700\n'
    expect(currencies(csv, 'csv', 'MXN')).toEqual(['MXN', 'MXN'])
    expect(currencies(csv, 'csv', 'EUR')).toEqual(['EUR', 'EUR'])
    expect(currencies(csv, 'csv')).toEqual(['COP', 'COP'])
    expect(currencies(JSON.stringify([{ nombre: 'Curso', precio: 22 }]), 'json', 'USD')).toEqual(['USD'])
  })

  it('keeps a currency the row names', () => {
    expect(currencies('nombre;precio;moneda\nCurso;25;USD\nLibro;12;EUR\n', 'csv', 'MXN')).toEqual(['USD', 'EUR'])
    expect(currencies('nombre;precio\nCurso;USD 25\nLibro;89.000 COP\n', 'csv', 'MXN')).toEqual(['USD', 'COP'])
  })

  it('reads "pesos" and "$" as the shop\'s own pesos, and as Colombian pesos where the shop has none', () => {
    const csv = 'nombre;precio;moneda\nCurso;1.600 pesos;\nReloj;2.700;pesos\nLibro;300;$\n'
    expect(currencies(csv, 'csv', 'MXN')).toEqual(['MXN', 'MXN', 'MXN'])
    expect(currencies(csv, 'csv', 'ARS')).toEqual(['ARS', 'ARS', 'ARS'])
    expect(currencies(csv, 'csv', 'COP')).toEqual(['COP', 'COP', 'COP'])
    // A shop in euros: "pesos" still means what it always did here.
    expect(currencies(csv, 'csv', 'EUR')).toEqual(['COP', 'COP', 'COP'])
    // Dollars where the dollar is the money.
    expect(currencies('nombre;precio;moneda\nLibro;30;$\n', 'csv', 'USD')).toEqual(['USD'])
    // Named Colombian, they stay Colombian in any shop.
    expect(currencies('nombre;precio\nCurso;89.000 pesos colombianos\n', 'csv', 'MXN')).toEqual(['COP'])
  })
})
