import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { detectCategory } from '../../evaluation/category'
import { assessReply } from '../../evaluation/reply-scorer'
import type { Command } from '../command'

export const scoreCommand: Command = {
  name: 'score',
  summary:
    'Score customer replies with the Spanish rules: reads JSONL {"text": "..."} (stdin without --input)\n' +
    'and writes one JSONL {"score":1-5,"wasSuccessful":bool,"category":"..."} per input line, in order.',
  options: {
    input: { type: 'string', valueName: 'FILE', description: 'JSONL file to read (default: stdin)' },
  },
  async run(values, io) {
    const input = values.input ? createReadStream(values.input as string) : process.stdin
    const lines = createInterface({ input, crlfDelay: Infinity })
    let lineNumber = 0
    let errors = 0
    let buffer = ''
    const flush = async () => {
      if (!buffer) return
      const chunk = buffer
      buffer = ''
      if (!io.stdout.write(chunk)) await new Promise((resolve) => io.stdout.once('drain', resolve))
    }
    for await (const line of lines) {
      lineNumber++
      let out: string
      try {
        // Notepad and Excel save UTF-8 with a byte-order mark: an ordinary file, not a bad first line.
        const parsed: unknown = JSON.parse(lineNumber === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line)
        const text = (parsed as { text?: unknown } | null)?.text
        if (typeof text !== 'string') throw new Error('expected {"text": "<string>"}')
        const { score, wasSuccessful } = assessReply(text)
        out = JSON.stringify({ score, wasSuccessful, category: detectCategory(text) })
      } catch (error) {
        // Keep one output line per input line so results stay aligned with their inputs.
        errors++
        const message = error instanceof SyntaxError ? 'not valid JSON' : (error as Error).message
        io.stderr.write(`line ${lineNumber}: ${message}\n`)
        out = JSON.stringify({ error: `line ${lineNumber}: ${message}` })
      }
      buffer += out + '\n'
      if (buffer.length > 64 * 1024) await flush()
    }
    await flush()
    return errors > 0 ? 1 : 0
  },
}
