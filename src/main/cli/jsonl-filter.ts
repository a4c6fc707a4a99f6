import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { CliIo } from './command'

/**
 * Runs a JSONL filter (one JSON object in per line, one out per line, in order) over a file or
 * stdin: `score` and `scrub`. A bad line gets `{"error": …}` in its place, so outputs stay aligned
 * with their inputs, and the exit code is 1; a file saved with a byte-order mark (Notepad,
 * Excel) is read as an ordinary file. `map` gets the parsed record and throws to reject it.
 */
export async function runJsonlFilter(
  inputFile: string | undefined,
  io: CliIo,
  map: (record: Record<string, unknown>) => unknown,
): Promise<number> {
  const input = inputFile ? createReadStream(inputFile) : process.stdin
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
  try {
    for await (const line of lines) {
      lineNumber++
      let out: string
      try {
        const parsed: unknown = JSON.parse(lineNumber === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line)
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('expected a JSON object')
        out = JSON.stringify(map(parsed as Record<string, unknown>))
      } catch (error) {
        errors++
        const message = error instanceof SyntaxError ? 'not valid JSON' : (error as Error).message
        io.stderr.write(`line ${lineNumber}: ${message}\n`)
        out = JSON.stringify({ error: `line ${lineNumber}: ${message}` })
      }
      buffer += out + '\n'
      if (buffer.length > 64 * 1024) await flush()
    }
  } catch (error) {
    // The input itself failed (a folder, a missing file, a read error): say so, keep what was written.
    await flush()
    io.stderr.write(`Could not read the input: ${(error as Error).message}\n`)
    return 1
  }
  await flush()
  return errors > 0 ? 1 : 0
}
