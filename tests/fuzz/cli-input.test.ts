// Hostile input files for every CLI command that reads one (score, scrub, catalog-import, train),
// run through the built CLI as a shop or a script would run it. Each run must end on its own
// with an exit code the command documents (0, 1 for bad input, 2 for bad usage), say what is
// wrong without a stack trace, keep stdout machine-readable, and — for the line-oriented
// commands — answer one line per input line, so results stay aligned with their inputs.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { mulberry32 } from '../../src/main/kernel/hash'
import { CLI } from '../support/serve-process'
import { tempDir } from '../support/test-app'

interface Run {
  code: number | null
  stdout: string
  stderr: string
  timedOut: boolean
}

function runCli(args: string[], dataDir: string, timeoutMs = 60_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args, '--data-dir', dataDir], {
      env: { ...process.env, OLLAMA_HOST: 'http://127.0.0.1:9' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr, timedOut })
    })
  })
}

const work = tempDir('autodidacta-cli-fuzz-')
afterAll(() => work.remove())

/**
 * Hostile files, written once. For line-oriented readers: `lines`, how many lines they see, and
 * `code`, the exit code (1 when any line is not a {"text"} object; bytes that are not UTF-8 are
 * read as U+FFFD, so such a line is still text).
 */
function hostileFiles(): { name: string; path: string; lines?: number; code?: number }[] {
  const random = mulberry32(99)
  const file = (name: string, content: string | Buffer, lines?: number, code?: number) => {
    const path = join(work.path, name)
    writeFileSync(path, content)
    return { name, path, lines, code }
  }
  const dir = join(work.path, 'a-folder')
  mkdirSync(dir, { recursive: true })
  return [
    file('empty.jsonl', '', 0, 0),
    file('binary.bin', Buffer.from(Array.from({ length: 65_536 }, () => Math.floor(random() * 256)))),
    file('bad-utf8.jsonl', Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d, 0x0a]), 1, 0),
    file('one-huge-line.jsonl', JSON.stringify({ text: 'a '.repeat(2_500_000) }) + '\n', 1, 0),
    file('deep.jsonl', '['.repeat(100_000) + ']'.repeat(100_000) + '\n' + '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000) + '\n', 2, 1),
    file(
      'wrong-types.jsonl',
      ['{"text": 5}', 'null', '[]', '{"text": {"a": 1}}', '"hola"', '{"text": null}', '{}', '{"__proto__": {"text": "x"}}', '{"text": "Hola 😀 mi número es 612345678"}'].join('\n') + '\n',
      9,
      1,
    ),
    // Windows Notepad saves UTF-8 with a BOM and CRLF: an ordinary file, not a bad one.
    file('crlf-bom.jsonl', '\ufeff{"text": "hola"}\r\n{"text": "gracias"}\r\n', 2, 0),
    file('parens.csv', '('.repeat(150_000) + ',precio\nA,1\n'),
    file('big-cell.csv', 'nombre,precio\nA,' + '9'.repeat(60_000) + '!'.repeat(60_000) + '\n'),
    file('unclosed-quote.csv', 'nombre,precio\n"abierta,1\nB,2\n'),
    file('many-columns.csv', Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',') + '\n' + '1,'.repeat(9_999) + '1\n'),
    file('not-json.json', '{"products": [ {"nombre": "A", '),
    file('deep.json', '['.repeat(200_000) + ']'.repeat(200_000)),
    file('gguf-absurd.gguf', ggufWithAbsurdCounts()),
    { name: 'a folder', path: dir },
    { name: 'missing file', path: join(work.path, 'does-not-exist.jsonl') },
  ]
}

/** A GGUF header that claims 2^62 tensors and a 2^40-byte key: a reader that trusts counts allocates forever. */
function ggufWithAbsurdCounts(): Buffer {
  const header = Buffer.alloc(4 + 4 + 8 + 8 + 8 + 8)
  header.write('GGUF', 0, 'latin1')
  header.writeUInt32LE(3, 4)
  header.writeBigUInt64LE(2n ** 62n, 8)
  header.writeBigUInt64LE(1n, 16)
  header.writeBigUInt64LE(2n ** 40n, 24)
  return Buffer.concat([header, Buffer.from('general.architecture')])
}

function expectWellBehaved(label: string, run: Run): void {
  expect(run.timedOut, `${label}: still running after 60 s`).toBe(false)
  expect([0, 1, 2], `${label}: exit code ${run.code}; stderr: ${run.stderr.slice(0, 500)}`).toContain(run.code)
  expect(run.stderr, `${label}: stack trace on stderr`).not.toMatch(/\n\s+at .+:\d+:\d+/)
  expect(run.stderr, `${label}: a crash`).not.toMatch(/FATAL ERROR|Segmentation|heap out of memory|Unhandled/i)
  for (const line of run.stdout.split('\n').filter(Boolean)) {
    expect(() => JSON.parse(line), `${label}: stdout line is not JSON: ${line.slice(0, 200)}`).not.toThrow()
  }
}

describe('CLI commands under hostile input files', () => {
  const files = hostileFiles()
  const dataDir = join(work.path, 'data')

  it.each(['score', 'scrub'])('%s answers one line per input line, whatever the file', async (command) => {
    expect(existsSync(CLI), 'the CLI is built (npm test builds it)').toBe(true)
    for (const { name, path, lines, code } of files) {
      const run = await runCli([command, '--input', path], dataDir)
      expectWellBehaved(`${command} ${name}`, run)
      if (lines !== undefined) {
        expect(run.stdout.split('\n').filter(Boolean).length, `${command} ${name}: one output line per input line`).toBe(lines)
        expect(run.code, `${command} ${name}`).toBe(code)
      } else {
        expect(run.code, `${command} ${name}: not a usable file`).not.toBe(0)
      }
    }
  }, 600_000)

  it('catalog-import refuses every hostile file with a reason and imports nothing', async () => {
    for (const { name, path } of files) {
      const run = await runCli(['catalog-import', '--file', path, '--format', name.endsWith('.json') ? 'json' : 'csv'], dataDir)
      expectWellBehaved(`catalog-import ${name}`, run)
      expect(run.code, `catalog-import ${name}: nothing in it is a valid catalog`).not.toBe(0)
      expect(run.stderr.trim().length, `catalog-import ${name}: says why`).toBeGreaterThan(0)
    }
    const list = await runCli(['status'], dataDir)
    expectWellBehaved('status', list)
  }, 600_000)

  it('train refuses hostile models and datasets before doing any work', async () => {
    const gguf = files.find((f) => f.name === 'gguf-absurd.gguf')!.path
    const binary = files.find((f) => f.name === 'binary.bin')!.path
    const datasetDir = join(work.path, 'hostile-dataset')
    mkdirSync(datasetDir, { recursive: true })
    writeFileSync(join(datasetDir, 'train.jsonl'), '['.repeat(100_000) + '\n{"messages": 5}\n')
    const outDir = join(work.path, 'train-out')
    for (const [label, base, dataset] of [
      ['absurd GGUF', gguf, datasetDir],
      ['random bytes as a model', binary, datasetDir],
      ['a folder as a model', join(work.path, 'a-folder'), datasetDir],
      ['a file as the dataset', gguf, binary],
    ] as const) {
      const run = await runCli(['train', '--base', base, '--dataset', dataset, '--out', outDir], dataDir)
      expectWellBehaved(`train ${label}`, run)
      expect(run.code, `train ${label}`).not.toBe(0)
    }
  }, 300_000)
})
