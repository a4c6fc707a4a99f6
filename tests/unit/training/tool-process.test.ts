import { PassThrough } from 'node:stream'
import type { WriteStream } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runTool } from '../../../src/main/training/tool-process'

/** The nice value of the shell the tool runs, read by the shell itself after a moment (field 19 of /proc/<pid>/stat). */
const PRINT_NICE = `sleep 0.3; cut -d' ' -f19 /proc/$$/stat`

async function niceOf(lowPriority: boolean): Promise<number> {
  const log = new PassThrough()
  const chunks: string[] = []
  log.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')))
  await runTool('sh', ['-c', PRINT_NICE], { log: log as unknown as WriteStream, lowPriority })
  return Number(chunks.join('').trim())
}

describe.runIf(process.platform === 'linux')('runTool', () => {
  it('runs a training tool below normal priority, so a customer is answered while it trains', async () => {
    const normal = await niceOf(false)
    expect(await niceOf(true)).toBe(10)
    expect(normal).toBeLessThan(10)
  })
})
