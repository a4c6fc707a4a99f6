import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createStreamLogger } from '../../../src/main/kernel/logger'

describe('stream logger', () => {
  it('writes an error with its cause, so what the owner message leaves out stays in the log', () => {
    const stream = new PassThrough()
    const chunks: string[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')))
    const logger = createStreamLogger(stream, 'info')
    const error = new Error('Groq rechazó la solicitud (HTTP 400)', { cause: new Error("'messages' must contain at least one message") })
    logger.error('Cloud reply failed', { error })
    logger.debug('not written below the minimum level')
    const line = chunks.join('')
    expect(line).toMatch(/ERROR Cloud reply failed /)
    const fields = JSON.parse(line.slice(line.indexOf('{'))) as { error: { message: string; cause: { message: string } } }
    expect(fields.error.message).toBe('Groq rechazó la solicitud (HTTP 400)')
    expect(fields.error.cause.message).toBe("'messages' must contain at least one message")
    expect(line).not.toContain('not written')
  })
})
