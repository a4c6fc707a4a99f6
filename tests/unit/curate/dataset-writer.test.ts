import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { curate } from '../../../src/main/curate/curator'
import { DatasetExistsError, EmptyDatasetError, writeDataset } from '../../../src/main/curate/dataset-writer'
import type { DatasetManifest, WriteProgress } from '../../../src/main/curate/dataset-writer'
import { buildModelfile, quoteModelfileValue, selectFewShot } from '../../../src/main/curate/modelfile'
import type { DatasetExample } from '../../../src/main/curate/types'
import { FIXTURE_CANDIDATES, SYSTEM_PROMPT } from '../../fixtures/curation/candidates'
import { parseModelfile } from '../../support/ollama-modelfile-parser'
import { generateSyntheticCandidates } from '../../support/synthetic-candidates'

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'autodidacta-dataset-'))
})
afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

const info = (extra: Partial<Parameters<typeof writeDataset>[2]> = {}) => ({
  name: 'tienda-mayo',
  createdAt: new Date('2025-05-20T10:00:00Z'),
  filters: { minScore: 4, includeUnreviewed: true },
  modelfileFrom: 'llama3.1:8b',
  systemPrompt: SYSTEM_PROMPT,
  ...extra,
})

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
const readLines = (path: string) => {
  const text = readFileSync(path, 'utf8')
  return { text, lines: text.length === 0 ? [] : text.slice(0, -1).split('\n') }
}

describe('writeDataset', () => {
  const result = curate(FIXTURE_CANDIDATES, { systemPrompt: SYSTEM_PROMPT })

  it('writes train.jsonl and valid.jsonl in the seed shape, one newline-terminated JSON per line', async () => {
    const dir = join(root, 'datasets', 'ds-1')
    const written = await writeDataset(dir, result, info())
    expect(written.dir).toBe(dir)
    expect(readdirSync(dir).sort()).toEqual(['Modelfile', 'manifest.json', 'train.jsonl', 'valid.jsonl'])
    for (const [file, expected] of [['train.jsonl', result.train], ['valid.jsonl', result.validation]] as const) {
      const { text, lines } = readLines(join(dir, file))
      expect(text.endsWith('\n')).toBe(true)
      expect(lines).toHaveLength(expected.length)
      const parsed = lines.map((l) => JSON.parse(l) as DatasetExample)
      expect(parsed).toEqual(expected)
      for (const line of parsed) {
        expect(line.messages[0]).toEqual({ role: 'system', content: SYSTEM_PROMPT })
        expect(line.messages.at(-1)?.role).toBe('assistant')
        expect(line.metadata).toHaveProperty('category')
        expect(line.metadata).toHaveProperty('productName')
        expect(line.metadata).toHaveProperty('qualityScore')
      }
    }
  })

  it('writes a manifest whose counts and hashes match the files', async () => {
    const dir = join(root, 'ds')
    const { manifest } = await writeDataset(dir, result, info())
    const onDisk = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as DatasetManifest
    expect(onDisk).toEqual(manifest)
    expect(manifest).toMatchObject({ formatVersion: 1, name: 'tienda-mayo', createdAt: '2025-05-20T10:00:00.000Z', filters: { minScore: 4, includeUnreviewed: true } })
    expect(manifest.files.train).toMatchObject({ path: 'train.jsonl', lines: result.train.length, sha256: sha256(join(dir, 'train.jsonl')) })
    expect(manifest.files.validation).toMatchObject({ path: 'valid.jsonl', lines: result.validation.length, sha256: sha256(join(dir, 'valid.jsonl')) })
    expect(manifest.files.modelfile).toMatchObject({ path: 'Modelfile', from: 'llama3.1:8b', sha256: sha256(join(dir, 'Modelfile')) })
    for (const key of ['train', 'validation', 'modelfile'] as const) {
      expect(manifest.files[key].bytes).toBe(readFileSync(join(dir, manifest.files[key].path)).length)
    }
    expect(manifest.counts).toMatchObject({ train: result.train.length, validation: result.validation.length, total: 28 })
    expect(manifest.counts.perCategoryScore.consulta_precio).toEqual({ '5': 3, '4': 1 })
    expect(manifest.counts.perCategoryScore.consulta_producto).toEqual({ '5': 2, '4': 2, '2': 1, unscored: 1 })
    const perCategory = Object.values(manifest.counts.perCategory)
    expect(perCategory.reduce((n, c) => n + c.train, 0)).toBe(result.train.length)
    expect(perCategory.reduce((n, c) => n + c.validation, 0)).toBe(result.validation.length)
    expect(manifest.report).toEqual(result.report)
  })

  it('writes a Modelfile with FROM, SYSTEM and few-shot MESSAGE pairs that Ollama parses back', async () => {
    const dir = join(root, 'ds')
    const { manifest } = await writeDataset(dir, result, info({ fewShotPerCategory: 1 }))
    const text = readFileSync(join(dir, 'Modelfile'), 'utf8')
    expect(text).toMatch(/^# .*\n/)
    expect(text).toContain('NO es un fine-tune')
    expect(text).toContain('ADAPTER solo')
    expect(text).not.toMatch(/^ADAPTER/m)
    const commands = parseModelfile(text)
    expect(commands[0]).toEqual({ name: 'model', args: 'llama3.1:8b' })
    expect(commands[1]).toEqual({ name: 'system', args: SYSTEM_PROMPT })
    const messages = commands.slice(2)
    expect(messages.every((c) => c.name === 'message')).toBe(true)
    expect(messages.map((c) => c.args.split(': ')[0])).toEqual(Array.from({ length: messages.length }, (_, i) => (i % 2 ? 'assistant' : 'user')))
    const categoriesInTrain = new Set(result.train.map((e) => e.metadata.category))
    expect(messages).toHaveLength(categoriesInTrain.size * 2)
    expect(manifest.files.modelfile.fewShotExamples).toBe(categoriesInTrain.size)
    // few-shot examples come from train only: the validation split stays unseen
    const validationAnswers = new Set(result.validation.map((e) => e.messages.at(-1)!.content))
    for (const m of messages) expect(validationAnswers.has(m.args.replace(/^assistant: /, ''))).toBe(false)
  })

  it('reports write progress up to the number of examples', async () => {
    const big = curate(generateSyntheticCandidates(6000, 2), { systemPrompt: SYSTEM_PROMPT, minScore: 1 })
    const seen: WriteProgress[] = []
    await writeDataset(join(root, 'big'), big, info(), (p) => seen.push(p))
    const total = big.train.length + big.validation.length
    expect(seen.length).toBeGreaterThan(1)
    expect(seen.at(-1)).toEqual({ stage: 'write', done: total, total })
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((x, y) => x - y))
    const { lines } = readLines(join(root, 'big', 'train.jsonl'))
    expect(lines).toHaveLength(big.train.length)
    for (const line of lines) JSON.parse(line)
  })

  it('leaves no dataset and no temporary folder when it fails midway', async () => {
    const big = curate(generateSyntheticCandidates(6000, 2), { systemPrompt: SYSTEM_PROMPT, minScore: 1 })
    const parent = join(root, 'datasets')
    mkdirSync(parent)
    let calls = 0
    const failing = writeDataset(join(parent, 'ds'), big, info(), () => {
      if (++calls === 2) throw new Error('disco lleno')
    })
    await expect(failing).rejects.toThrow('disco lleno')
    expect(calls).toBe(2)
    expect(readdirSync(parent)).toEqual([])
  })

  it('cleans up when the Modelfile cannot be written, after the JSONL files were', async () => {
    const parent = join(root, 'datasets')
    await expect(writeDataset(join(parent, 'ds'), result, info({ modelfileFrom: 'llama3.1:8b\nADAPTER ./x.jsonl' }))).rejects.toThrow(RangeError)
    expect(readdirSync(parent)).toEqual([])
  })

  it('refuses to overwrite an existing folder, leaving it untouched', async () => {
    const dir = join(root, 'ds')
    mkdirSync(dir)
    writeFileSync(join(dir, 'train.jsonl'), 'old\n')
    await expect(writeDataset(dir, result, info())).rejects.toBeInstanceOf(DatasetExistsError)
    expect(readFileSync(join(dir, 'train.jsonl'), 'utf8')).toBe('old\n')
    expect(readdirSync(root)).toEqual(['ds'])
  })

  it('throws EmptyDatasetError, in Spanish and naming why, instead of writing empty files', async () => {
    const empty = curate(
      FIXTURE_CANDIDATES.filter((c) => c.reviewStatus === 'rejected' || (c.reviewStatus === 'pending' && (c.qualityScore ?? 0) < 4)),
      { systemPrompt: SYSTEM_PROMPT },
    )
    const dir = join(root, 'ds')
    const error = await writeDataset(dir, empty, info()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EmptyDatasetError)
    const message = (error as Error).message
    expect(message).toMatch(/^No hay ejemplos que cumplan los filtros: de 8 intercambios, /)
    expect(message).toContain('5 sin revisar con puntaje menor a 4 o sin puntaje')
    expect(message).toContain('3 rechazados')
    expect((error as EmptyDatasetError).report).toBe(empty.report)
    expect(existsSync(dir)).toBe(false)
    expect(readdirSync(root)).toEqual([])
  })

  it('says there is nothing captured yet when the input is empty', async () => {
    const empty = curate([], { systemPrompt: SYSTEM_PROMPT })
    await expect(writeDataset(join(root, 'ds'), empty, info())).rejects.toThrow('No hay ejemplos que cumplan los filtros: todavía no hay conversaciones capturadas.')
  })
})

describe('Modelfile', () => {
  const example = (id: string, category: string, user: string, assistant: string, extra: Partial<DatasetExample['metadata']> = {}): DatasetExample => ({
    messages: [
      { role: 'system', content: 'sys' },
      { role: 'user', content: user },
      { role: 'assistant', content: assistant },
    ],
    metadata: { category, productName: null, qualityScore: 4, id, reviewStatus: 'pending', ...extra },
  })

  it('survives answers with triple quotes, quotes at line ends and several lines', () => {
    const tricky = [
      'Somos """Tecnovariedades D&S""".\nTe atendemos aquí.',
      'línea que termina en comillas triples"""\notra línea',
      '"""',
      '"empieza con comillas',
      'termina con comilla"',
      'termina con dos""',
      '""\n"\n""',
      '  con espacios alrededor  ',
      'tabs\tdentro\ty # no es comentario\nMESSAGE user inyectado',
      'windows\r\nline endings',
      '',
    ]
    const examples = tricky.map((t, i) => example(`e${i}`, `cat${String(i).padStart(2, '0')}`, `pregunta ${i}`, t))
    const { text } = buildModelfile({ from: 'qwen2.5:7b', systemPrompt: 'Eres """amable"""\ny breve', examples, perCategory: 1, datasetName: 'x', createdAt: new Date(0) })
    const commands = parseModelfile(text)
    expect(commands[0]).toEqual({ name: 'model', args: 'qwen2.5:7b' })
    expect(commands[1]?.name).toBe('system')
    expect(commands[1]?.args).toBe('Eres ""\u201damable""\u201d\ny breve')
    const assistants = commands.filter((c) => c.args.startsWith('assistant: ')).map((c) => c.args.slice('assistant: '.length))
    expect(assistants).toEqual(tricky.map((t) => t.replace(/\r\n/g, '\n').replace(/"""/g, '""\u201d')))
    expect(commands.filter((c) => c.name === 'message')).toHaveLength(tricky.length * 2)
  })

  it('round-trips random text made of quotes, newlines, tabs and hashes', () => {
    const alphabet = ['"', '"', '"', '\n', '\t', ' ', '#', 'a', 'ñ', 'M', '😊']
    let seed = 7
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32
    for (let round = 0; round < 300; round++) {
      const value = Array.from({ length: 1 + Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('')
      const quoted = quoteModelfileValue(value)
      const commands = parseModelfile(`FROM m\nMESSAGE user ${quoted}\nMESSAGE assistant ok\n`)
      expect(commands).toHaveLength(3)
      // Only the typographic quotes that break up runs of three differ from the original.
      expect(commands[1]?.args.startsWith('user: ')).toBe(true)
      expect(commands[1]?.args.slice('user: '.length).replace(/\u201d/g, '"')).toBe(value)
      expect(commands[1]?.args).not.toContain('"""')
      expect(commands[2]?.args).toBe('assistant: ok')
    }
  })

  it('picks the owner’s corrections first, then approvals, then score, then the shortest', () => {
    const examples = [
      example('p5-long', 'general', 'hola', 'una respuesta bastante más larga que la otra', { qualityScore: 5 }),
      example('p5-short', 'general', 'hola', 'corta', { qualityScore: 5 }),
      example('a3', 'general', 'hola', 'aprobada', { qualityScore: 3, reviewStatus: 'approved' }),
      example('c-null', 'general', 'hola', 'corregida', { qualityScore: null, reviewStatus: 'corrected' }),
      example('x', 'consulta_envio', 'envío?', 'sí'),
    ]
    expect(selectFewShot(examples, 3).map((e) => e.metadata.id)).toEqual(['x', 'c-null', 'a3', 'p5-short'])
    expect(selectFewShot(examples, 0)).toEqual([])
  })

  it('rejects a FROM that would break the file', () => {
    expect(() => buildModelfile({ from: ' ', systemPrompt: '', examples: [], perCategory: 2, datasetName: 'x', createdAt: new Date(0) })).toThrow(RangeError)
  })
})
