import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import type { Command } from '../command'
import { writeJsonLine } from '../command'
import { openCliApp } from '../open-app'

export const catalogImportCommand: Command = {
  name: 'catalog-import',
  summary:
    'Import the shop\'s catalog from a CSV (comma or semicolon, Spanish or English headers) or JSON file.\n' +
    'Every row is checked first; a file with any bad row imports nothing and lists every problem.\n' +
    'Products whose SKU already exists are updated. Prints the report as one JSON line.',
  options: {
    file: { type: 'string', valueName: 'FILE', description: 'The .csv or .json file (required)' },
    format: { type: 'string', valueName: 'csv|json', description: 'File format (default: from the extension)' },
    'dry-run': { type: 'boolean', description: 'Only check the file; write nothing' },
  },
  async run(values, io) {
    if (!values.file) {
      io.stderr.write('--file FILE is required\n')
      return 2
    }
    const file = values.file as string
    const format = (values.format as string | undefined) ?? (extname(file).toLowerCase() === '.json' ? 'json' : 'csv')
    if (format !== 'csv' && format !== 'json') {
      io.stderr.write(`--format must be csv or json, got "${format}"\n`)
      return 2
    }
    let content: string
    try {
      content = readFileSync(file, 'utf8')
    } catch (error) {
      io.stderr.write(`No se pudo leer ${file}: ${error instanceof Error ? error.message : String(error)}\n`)
      return 1
    }
    const app = await openCliApp(values, io)
    try {
      const report = await app.catalog.import(format, content, Boolean(values['dry-run']))
      for (const error of report.errors) io.stderr.write(`fila ${error.row}${error.field ? ` (${error.field})` : ''}: ${error.message}\n`)
      writeJsonLine(io, report)
      return report.errors.length > 0 ? 1 : 0
    } finally {
      await app.close()
    }
  },
}
