import { knownNames, scrubPersonalData } from '../../curate/pii-scrubber'
import type { Command } from '../command'
import { runJsonlFilter } from '../jsonl-filter'

/**
 * What would leave the machine: the same scrubber that cleans few-shot examples and dataset
 * lines, run on the shop's own text. No data folder, no app: a pure filter.
 */
export const scrubCommand: Command = {
  name: 'scrub',
  summary:
    'Hide personal data the way prompts and datasets do: reads JSONL {"text": "...", "names"?: ["Ana Pérez"]}\n' +
    '(stdin without --input) and writes one JSONL {"text": "...", "counts": {...}} per input line, in order.',
  options: {
    input: { type: 'string', valueName: 'FILE', description: 'JSONL file to read (default: stdin)' },
  },
  run: (values, io) =>
    runJsonlFilter(values.input as string | undefined, io, (record) => {
      const { text, names } = parseRecord(record)
      const result = scrubPersonalData(text, { names: knownNames(names) })
      return { text: result.text, counts: result.counts }
    }),
}

function parseRecord(record: Record<string, unknown>): { text: string; names: string[] } {
  const text = record.text
  if (typeof text !== 'string') throw new Error('expected {"text": "<string>"}')
  const names = record.names ?? []
  if (!Array.isArray(names) || !names.every((n): n is string => typeof n === 'string')) throw new Error('"names" must be a list of strings')
  return { text, names }
}
