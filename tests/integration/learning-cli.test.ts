// The learning loop's CLI commands, run from the build as `npm run cli -- …` runs them:
// stdout carries only machine-readable lines, progress and errors go to stderr.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CLI } from '../support/serve-process'
import { datasetAndTinyModel } from '../support/training-fixtures'
import { buildTestApp } from '../support/test-app'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function cli(args: string[], stdin?: string): Promise<Run> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, OLLAMA_HOST: 'http://127.0.0.1:9' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.once('error', reject)
    child.once('exit', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(stdin ?? '')
  })
}

const temp = mkdtempSync(join(tmpdir(), 'autodidacta-cli-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

describe('score', () => {
  it('writes one JSONL result per stdin line, in order, and nothing else on stdout', async () => {
    const input = ['perfecto, me lo llevo!', 'no me gusta', 'cuanto vale el envio a cali?'].map((text) => JSON.stringify({ text })).join('\n')
    const run = await cli(['score'], input + '\n')
    expect(run.code).toBe(0)
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { score: number; wasSuccessful: boolean; category: string })
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatchObject({ score: 5, wasSuccessful: true })
    expect(lines[1]).toMatchObject({ score: 1, wasSuccessful: false })
    expect(lines[2]?.category).toMatch(/consulta_(envio|precio)/)
    for (const line of lines) expect(Object.keys(line).sort()).toEqual(['category', 'confidence', 'score', 'wasSuccessful'])
  })

  it('reads optional context per line: a pick after an offer is an order, the same words alone are not', async () => {
    const catalog = join(temp, 'catalog.json')
    writeFileSync(catalog, JSON.stringify([{ name: 'Pizza Napolitana', keywords: ['pizza'] }, { name: 'Pizza Hawaiana' }]))
    const offer = 'Tenemos Napolitana a $25.000 y Hawaiana a $27.000, ¿cuál quieres?'
    const input = [
      { text: 'la napolitana', answer: offer },
      { text: 'la napolitana' },
      { text: '2 por favor', answer: 'Cada una vale 15 mil', previous: ['¿cuánto vale la hawaiana?'] },
      { text: 'ya te consigné' },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n')
    const run = await cli(['score', '--catalog', catalog], input + '\n')
    expect(run.code, run.stderr).toBe(0)
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { score: number; wasSuccessful: boolean; category: string })
    expect(lines.map((l) => l.wasSuccessful)).toEqual([true, false, true, true])
    expect(lines[0]).toMatchObject({ score: 5, category: 'proceso_pago' })
    expect(lines[1]?.category).toBe('consulta_producto')
  })

  it('reads --input, keeps bad lines aligned with an error line, and exits 1 for them', async () => {
    const file = join(temp, 'replies.jsonl')
    writeFileSync(file, '{"text":"gracias"}\nesto no es json\n{"texto":"hola"}\n{"text":"👎"}\n')
    const run = await cli(['score', '--input', file])
    expect(run.code).toBe(1)
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toHaveLength(4)
    expect(lines[0]).toHaveProperty('score')
    expect(lines[1]).toEqual({ error: 'line 2: not valid JSON' })
    expect(String(lines[2]?.error)).toContain('line 3')
    expect(lines[3]).toMatchObject({ score: 1 })
    expect(run.stderr).toContain('line 2: not valid JSON')
  })

  it('scores thousands of lines in one run', async () => {
    const texts = ['dale', 'no gracias', 'q precio tiene?', 'me encanta 😍', 'ya no', 'lo voy a pensar']
    const input = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ text: texts[i % texts.length] })).join('\n')
    const run = await cli(['score'], input)
    expect(run.code).toBe(0)
    const lines = run.stdout.trim().split('\n')
    expect(lines).toHaveLength(5000)
    // Order holds: every line scores like the first occurrence of its text.
    lines.forEach((line, i) => expect(line).toBe(lines[i % texts.length]))
    expect(JSON.parse(lines[4]!)).toMatchObject({ score: 2, wasSuccessful: false }) // "ya no": a decline, never a 5
  })
})

describe('demo-data and export', () => {
  const dataDir = join(temp, 'data')

  it('fills a data folder with demo exchanges', async () => {
    const run = await cli(['demo-data', '--data-dir', dataDir, '--count', '400', '--seed', '3'])
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ demo: true, exchanges: 400 })
  })

  it('refuses an export that would be empty, and says demo data was left out', async () => {
    const out = join(temp, 'empty-out')
    const run = await cli(['export', '--data-dir', dataDir, '--out', out])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('No hay ejemplos')
    expect(run.stderr).toContain('400 intercambios de demostración')
    // The app's message points to its demo switch; the CLI adds its own flag.
    expect(run.stderr).toContain('add --include-demo')
    expect(existsSync(out)).toBe(false)
  })

  it('exports train/valid JSONL, a manifest and a Modelfile, with progress on stderr', async () => {
    const out = join(temp, 'dataset')
    const run = await cli(['export', '--data-dir', dataDir, '--out', out, '--include-demo', '--name', 'demo'])
    expect(run.code, run.stderr).toBe(0)
    const dataset = JSON.parse(run.stdout) as { status: string; path: string; trainCount: number; validationCount: number }
    expect(dataset).toMatchObject({ status: 'ready', path: out })
    expect(dataset.trainCount).toBeGreaterThan(0)
    expect(readdirSync(out).sort()).toEqual(['Modelfile', 'manifest.json', 'train.jsonl', 'valid.jsonl'])
    const train = readFileSync(join(out, 'train.jsonl'), 'utf8').trim().split('\n')
    expect(train).toHaveLength(dataset.trainCount)
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      counts: { perCategoryScore: Record<string, Record<string, number>> }
      report: { kept: number; keptPerSource: { auto: number; approved: number; rewritten: number } }
    }
    // Every line carries the owner's verdict or an automatic score at the threshold (4 by default), never
    // the score an owner overruled by approving or rewriting the answer.
    const scores = new Set(Object.values(manifest.counts.perCategoryScore).flatMap((byScore) => Object.keys(byScore)))
    expect([...scores].filter((score) => !['4', '5'].includes(score))).toEqual([])
    const sources = manifest.report.keptPerSource
    expect(sources.auto + sources.approved + sources.rewritten).toBe(manifest.report.kept)
    expect(sources.approved).toBeGreaterThan(0)
    expect(sources.rewritten).toBeGreaterThan(0)
    for (const stage of ['filtering', 'deduplicating', 'splitting', 'writing']) expect(run.stderr).toContain(stage)
    expect(readFileSync(join(out, 'Modelfile'), 'utf8')).toMatch(/^SYSTEM /m)
  })

  it('will not overwrite an existing folder, and validates --min-score', async () => {
    const again = await cli(['export', '--data-dir', dataDir, '--out', join(temp, 'dataset'), '--include-demo'])
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('Ya existe un lote de ejemplos')
    const bad = await cli(['export', '--data-dir', dataDir, '--out', join(temp, 'x'), '--min-score', 'siete'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--min-score')
  })
})

describe('train', () => {
  it('fine-tunes a base GGUF on a dataset folder with a progress bar on stderr, and prints the result as one JSON line', async () => {
    // Its own data folder under `temp`, so the dataset outlives the app that wrote it.
    const app = await buildTestApp({ dataDir: join(temp, 'source-app') })
    let prepared: Awaited<ReturnType<typeof datasetAndTinyModel>>
    try {
      prepared = await datasetAndTinyModel(app, temp, { layers: 4, seed: 11 })
    } finally {
      await app.dispose()
    }
    const out = join(temp, 'trained')
    const run = await cli(['train', '--backend', 'llamacpp', '--base', prepared.basePath, '--dataset', prepared.dataset.path!, '--out', out, '--epochs', '6', '--lr', '0.0002', '--data-dir', join(temp, 'train-data')])
    expect(run.code, run.stderr).toBe(0)
    const lines = run.stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    const result = JSON.parse(lines[0]!) as { lossFirst: number; lossLast: number; basePerplexity: number; candidatePerplexity: number; model: string }
    expect(result.lossLast).toBeLessThan(result.lossFirst)
    expect(result.candidatePerplexity).toBeLessThan(result.basePerplexity / 3)
    expect(existsSync(result.model)).toBe(true)
    expect(result.model.startsWith(out)).toBe(true)
    expect(run.stderr).toMatch(/época 1\/6 \d+%/)
    expect(run.stderr).toMatch(/época 6\/6 100%/)
  }, 600_000)

  it('says what is missing, with exit code 2', async () => {
    const run = await cli(['train', '--base', 'x.gguf', '--data-dir', join(temp, 'train-data-2')])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--dataset is required')
    expect(run.stdout).toBe('')
  })
})
