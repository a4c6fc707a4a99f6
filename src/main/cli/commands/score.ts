import { detectCategory } from '../../evaluate/category'
import { assessReply } from '../../evaluate/reply-scorer'
import type { Command } from '../command'
import { runJsonlFilter } from '../jsonl-filter'

export const scoreCommand: Command = {
  name: 'score',
  summary:
    'Score customer replies with the Spanish rules: reads JSONL {"text": "..."} (stdin without --input)\n' +
    'and writes one JSONL {"score":1-5,"wasSuccessful":bool,"category":"..."} per input line, in order.',
  options: {
    input: { type: 'string', valueName: 'FILE', description: 'JSONL file to read (default: stdin)' },
  },
  run: (values, io) =>
    runJsonlFilter(values.input as string | undefined, io, (record) => {
      const text = record.text
      if (typeof text !== 'string') throw new Error('expected {"text": "<string>"}')
      const { score, wasSuccessful } = assessReply(text)
      return { score, wasSuccessful, category: detectCategory(text) }
    }),
}
