// `autodidacta scrub`: the scrubber prompts and datasets use, on the shop's own JSONL.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run-cli'
import { scrubPersonalData } from '../../../src/main/curate/pii-scrubber'
import { tempDir } from '../../support/test-app'

const dir = tempDir('autodidacta-scrub-')
afterAll(() => dir.remove())

async function scrubCli(lines: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const file = join(dir.path, `in-${Math.random().toString(36).slice(2)}.jsonl`)
  writeFileSync(file, lines.join('\n') + '\n')
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (c: Buffer) => (out += c.toString()))
  stderr.on('data', (c: Buffer) => (err += c.toString()))
  const code = await runCli(['scrub', '--input', file], { stdout, stderr, env: {} })
  return { code, out: out.split('\n').filter(Boolean), err }
}

describe('scrub command', () => {
  it('writes one {"text","counts"} line per input line, in order, the same as the scrubber', async () => {
    const texts = ['mi cel es 55 1234 5678', 'El curso cuesta $89.000', 'rut 12.345.678-K, correo juan(arroba)gmail.com']
    const run = await scrubCli([...texts.map((text) => JSON.stringify({ text })), JSON.stringify({ text: 'Hola Ana!', names: ['Ana Pérez'] })])
    expect(run.code).toBe(0)
    expect(run.out).toHaveLength(4)
    texts.forEach((text, i) => expect(JSON.parse(run.out[i]!)).toEqual(scrubPersonalData(text)))
    expect(JSON.parse(run.out[1]!).text).toBe('El curso cuesta $89.000')
    expect(JSON.parse(run.out[3]!).text).toBe('Hola [NOMBRE]!')
  })

  it('answers a bad line with {"error"} in its place and exits 1', async () => {
    const run = await scrubCli(['{"text":"612345678"}', 'no es json', '{"texto":"x"}', '{"text":"a","names":"Ana"}', '{"text":"ok"}'])
    expect(run.code).toBe(1)
    expect(run.out).toHaveLength(5)
    expect(JSON.parse(run.out[0]!).text).toBe('[TELEFONO]')
    expect(JSON.parse(run.out[1]!)).toEqual({ error: 'line 2: not valid JSON' })
    expect(JSON.parse(run.out[2]!).error).toMatch(/^line 3: /)
    expect(JSON.parse(run.out[3]!).error).toMatch(/^line 4: /)
    expect(JSON.parse(run.out[4]!).text).toBe('ok')
    expect(run.err).toContain('line 2')
  })

  it('exits 1 with a message when the file cannot be read', async () => {
    const stdout = new PassThrough()
    const stderr = new PassThrough()
    let err = ''
    stderr.on('data', (c: Buffer) => (err += c.toString()))
    const code = await runCli(['scrub', '--input', join(dir.path, 'missing.jsonl')], { stdout, stderr, env: {} })
    expect(code).toBe(1)
    expect(err).toContain('Could not read the input')
  })
})
