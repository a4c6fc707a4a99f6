// RFC 4180 CSV as spreadsheets really write it: Excel in Spanish locales separates with ";"
// (the comma is their decimal mark), Google Sheets with ",", some exports with tabs; quoted
// fields carry commas, line breaks and doubled quotes; files start with a UTF-8 BOM.

export type CsvDelimiter = ',' | ';' | '\t'

export interface CsvRow {
  /** Line of the file where the row starts (1-based), for error messages. */
  line: number
  cells: string[]
}

export type CsvResult =
  | { ok: true; rows: CsvRow[]; delimiter: CsvDelimiter }
  | {
      ok: false
      /** Line where the problem starts (1-based) and the row's index among rows (0 = header). */
      line: number
      row: number
      message: string
    }

const CANDIDATES: readonly CsvDelimiter[] = [';', '\t', ',']
const QUOTE = 0x22
const CR = 0x0d
const LF = 0x0a

/**
 * The delimiter of the first line, counted outside quotes. Ties go to ";" then tab: a
 * Spanish-Excel header such as "Nombre;Precio (1,5)" must not split on the comma.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CANDIDATES.map((d) => [d, 0]))
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '"') quoted = !quoted
    else if (!quoted && (c === '\n' || c === '\r')) break
    else if (!quoted && counts.has(c as CsvDelimiter)) counts.set(c as CsvDelimiter, counts.get(c as CsvDelimiter)! + 1)
  }
  let best: CsvDelimiter = ','
  let bestCount = 0
  for (const d of CANDIDATES) {
    const n = counts.get(d)!
    if (n > bestCount) {
      best = d
      bestCount = n
    }
  }
  return best
}

/**
 * Parses a whole CSV file. An empty line yields a row with one empty cell (so row numbers stay
 * those of the spreadsheet); trailing empty lines are dropped. A first line "sep=;" (Excel's
 * own hint) sets the delimiter and is not a row. Deviations Excel tolerates are tolerated:
 * text after a closing quote is kept ("ab"c → abc), a quote inside an unquoted field is a
 * literal. Only a quote that never closes is an error, because it swallows the rest of the file.
 */
export function parseCsv(content: string, options: { delimiter?: CsvDelimiter } = {}): CsvResult {
  const steps = parseCsvSteps(content, options)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** Rows parsed between two yields of parseCsvSteps. */
const ROWS_PER_STEP = 500

/** parseCsv as a generator that yields every few hundred rows, for callers working in time slices. */
export function* parseCsvSteps(content: string, options: { delimiter?: CsvDelimiter } = {}): Generator<void, CsvResult> {
  let text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content
  let line = 1
  let delimiter = options.delimiter
  const hint = /^sep=([,;\t])\r?\n/i.exec(text)
  if (hint) {
    delimiter ??= hint[1] as CsvDelimiter
    text = text.slice(hint[0].length)
    line = 2
  }
  delimiter ??= detectDelimiter(text)

  const rows: CsvRow[] = []
  let cells: string[] = []
  // The current field is `field` plus text.slice(start, i) when start >= 0: runs of plain
  // characters are sliced once, not appended one by one (that cost seconds on a 10 MB file).
  let field = ''
  let start = -1
  let rowLine = line
  let quoted = false
  let quoteLine = 0
  // Whether the current row has any character at all: "" alone is an empty line.
  let rowHasContent = false
  const delimiterCode = delimiter.charCodeAt(0)

  const flush = (end: number) => {
    if (start >= 0) field += text.slice(start, end)
    start = -1
  }
  const endRow = () => {
    cells.push(field)
    rows.push({ line: rowLine, cells })
    cells = []
    field = ''
    rowHasContent = false
  }

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (quoted) {
      if (c === QUOTE) {
        flush(i)
        if (text.charCodeAt(i + 1) === QUOTE) {
          field += '"'
          i++
        } else {
          quoted = false
        }
      } else {
        if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++
        if (start < 0) start = i
      }
      continue
    }
    if (c === QUOTE && field === '' && start < 0) {
      quoted = true
      quoteLine = line
      rowHasContent = true
    } else if (c === delimiterCode) {
      flush(i)
      cells.push(field)
      field = ''
      rowHasContent = true
    } else if (c === CR || c === LF) {
      flush(i)
      if (c === CR && text.charCodeAt(i + 1) === LF) i++
      endRow()
      line++
      rowLine = line
      if (rows.length % ROWS_PER_STEP === 0) yield
    } else {
      if (start < 0) start = i
      rowHasContent = true
    }
  }
  if (quoted) {
    return {
      ok: false,
      line: quoteLine,
      row: rows.length,
      message: `Hay unas comillas (") sin cerrar en la línea ${quoteLine}: ciérralas o quítalas, porque tapan el resto del archivo.`,
    }
  }
  flush(text.length)
  if (rowHasContent) endRow()
  while (rows.length > 0 && rows.at(-1)!.cells.length === 1 && rows.at(-1)!.cells[0] === '') rows.pop()
  return { ok: true, rows, delimiter }
}
