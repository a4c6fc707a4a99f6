import { describe, expect, it } from 'vitest'
import { detectDelimiter, parseCsv } from '../../../src/main/catalog/csv'

function rowsOf(content: string) {
  const result = parseCsv(content)
  if (!result.ok) throw new Error(result.message)
  return result
}

const cells = (content: string) => rowsOf(content).rows.map((r) => r.cells)

describe('parseCsv', () => {
  it('reads a plain comma file', () => {
    expect(cells('nombre,precio\nCurso de Piano Básico,89000\nAudífonos Bluetooth X2,85000\n')).toEqual([
      ['nombre', 'precio'],
      ['Curso de Piano Básico', '89000'],
      ['Audífonos Bluetooth X2', '85000'],
    ])
  })

  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const content = 'nombre,descripcion,precio\n"Cargador Rápido USB-C 33W","Carga rápida, 33 W, cable de 1 m","45.000"\n"Curso ""Piano"" Básico","Línea 1\nLínea 2",89000\n'
    expect(cells(content)).toEqual([
      ['nombre', 'descripcion', 'precio'],
      ['Cargador Rápido USB-C 33W', 'Carga rápida, 33 W, cable de 1 m', '45.000'],
      ['Curso "Piano" Básico', 'Línea 1\nLínea 2', '89000'],
    ])
  })

  it('reads a Spanish-Excel file: BOM, ";", CRLF and a multi-line description', () => {
    const content =
      '\ufeffCódigo;Nombre;Descripción;Precio\r\n' +
      'PIANO-01;Curso de Piano Básico;"Aprende desde cero:\r\n- 24 clases en video\r\n- Partituras; ejercicios";89.000\r\n' +
      'AUD-X2;Audífonos Bluetooth X2;Batería de 20 h;85.000\r\n'
    const result = rowsOf(content)
    expect(result.delimiter).toBe(';')
    expect(result.rows.map((r) => r.cells)).toEqual([
      ['Código', 'Nombre', 'Descripción', 'Precio'],
      ['PIANO-01', 'Curso de Piano Básico', 'Aprende desde cero:\r\n- 24 clases en video\r\n- Partituras; ejercicios', '89.000'],
      ['AUD-X2', 'Audífonos Bluetooth X2', 'Batería de 20 h', '85.000'],
    ])
    // the BOM is not part of the first header
    expect(result.rows[0]!.cells[0]!.charCodeAt(0)).toBe('C'.charCodeAt(0))
    // each row knows the line it starts on, after a three-line cell
    expect(result.rows.map((r) => r.line)).toEqual([1, 2, 5])
  })

  it('detects tabs', () => {
    const result = rowsOf('nombre\tprecio\nCurso de Piano Básico\t89.000,00\n')
    expect(result.delimiter).toBe('\t')
    expect(result.rows[1]!.cells).toEqual(['Curso de Piano Básico', '89.000,00'])
  })

  it('honours Excel\'s "sep=" hint and keeps line numbers', () => {
    const result = rowsOf('sep=,\nnombre;x,precio\nCurso;1,89000\n')
    expect(result.delimiter).toBe(',')
    expect(result.rows.map((r) => [r.line, r.cells])).toEqual([
      [2, ['nombre;x', 'precio']],
      [3, ['Curso;1', '89000']],
    ])
  })

  it('ignores trailing empty lines but keeps empty lines in the middle, numbered', () => {
    const result = rowsOf('nombre,precio\n\nCurso,89000\r\n\r\n\n\n')
    expect(result.rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['nombre', 'precio']],
      [2, ['']],
      [3, ['Curso', '89000']],
    ])
  })

  it('keeps empty fields and a last line without a line break', () => {
    expect(cells('a;b;c\n;;\nx;;"z"')).toEqual([
      ['a', 'b', 'c'],
      ['', '', ''],
      ['x', '', 'z'],
    ])
  })

  it('tolerates what Excel tolerates: text after a closing quote, a quote inside a bare field', () => {
    expect(cells('a,b\n"ab"c,pul 15" pantalla\n')).toEqual([
      ['a', 'b'],
      ['abc', 'pul 15" pantalla'],
    ])
  })

  it('reads old Mac line endings', () => {
    expect(cells('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
  })

  it('reports an unterminated quote with the line it opens on', () => {
    const result = parseCsv('nombre,descripcion\nCurso,ok\nAudífonos,"Batería de 20 h\nsin cerrar\n')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.line).toBe(3)
    expect(result.row).toBe(2)
    expect(result.message).toContain('línea 3')
  })

  it('counts lines inside quotes to place a later error', () => {
    const result = parseCsv('a,b\n"uno\r\ndos",1\n"tres\n')
    expect(result).toMatchObject({ ok: false, line: 4, row: 2 })
  })

  it('returns no rows for an empty file or a BOM alone', () => {
    expect(cells('')).toEqual([])
    expect(cells('\ufeff')).toEqual([])
    expect(cells('\n\n')).toEqual([])
  })
})

describe('detectDelimiter', () => {
  it('counts delimiters on the header line only, outside quotes', () => {
    expect(detectDelimiter('nombre;precio;moneda\nCurso, básico;89,5;COP')).toBe(';')
    expect(detectDelimiter('"nombre;largo",precio\n')).toBe(',')
    expect(detectDelimiter('a\tb\tc\n1,2,3,4,5')).toBe('\t')
    expect(detectDelimiter('nombre\n')).toBe(',')
  })

  it('prefers ";" on a tie, as Spanish Excel writes it', () => {
    expect(detectDelimiter('nombre;precio (1,5)')).toBe(';')
  })
})
