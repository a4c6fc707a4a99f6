import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { generateDemoData } from '../../src/main/demo/demo-data'
import type { GgufValue } from '../../src/main/training/gguf'
import { writeGguf } from '../support/gguf-writer'
import type { DatasetDto } from '../../src/shared/types'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { buildTestApp, callApi as call, tempDir, type TestApp } from '../support/test-app'

/** A secret-looking line that must never come back in an error or leave the machine. */
const CONTENT = 'SECRETO-hostname-de-la-tienda-7731'

describe('training.start imports: only the imports folder or the desktop picker, never a path', () => {
  let app: TestApp | undefined
  let ollama: OllamaDouble | undefined
  const dirs: ReturnType<typeof tempDir>[] = []
  afterEach(async () => {
    await app?.training.idle()
    await app?.dispose()
    await ollama?.close().catch(() => {})
    dirs.splice(0).forEach((d) => d.remove())
    app = undefined
    ollama = undefined
  })

  async function setup(pick?: (kind: 'model' | 'adapter') => Promise<string | null>): Promise<{ dataset: DatasetDto; imports: string; outside: string }> {
    ollama = await startOllamaDouble({ reply: () => 'Con gusto te ayudo.' })
    app = await buildTestApp({ ollamaHost: ollama.url, ...(pick ? { pickImportFile: pick } : {}) })
    generateDemoData(app.repos, app.accountId, { count: 120, seed: 5 })
    const dataset = await call(app, 'datasets.create', { includeDemo: true, validationRatio: 0.2 })
    const imports = (await call(app, 'training.imports', {})).folder
    const elsewhere = tempDir()
    dirs.push(elsewhere)
    const outside = join(elsewhere.path, 'hostname')
    writeFileSync(outside, `${CONTENT}\n`)
    return { dataset, imports, outside }
  }

  /** Nothing was uploaded and no run was recorded: the refusal came before any work. */
  async function nothingHappened(): Promise<void> {
    expect(ollama!.blobs.size).toBe(0)
    expect(await call(app!, 'training.list', {})).toEqual([])
  }

  it('refuses paths, climbing names and the old importPath field, before reading anything', async () => {
    const { dataset, outside } = await setup()
    for (const importFile of [outside, '/etc/hostname', '../secret.key', '..', 'sub/model.gguf', 'C:\\Windows\\win.ini']) {
      const result = await app!.dispatch('training.start', { datasetId: dataset.id, backend: 'import', importFile, importKind: 'model' })
      expect(result, importFile).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ path: 'importFile' }] } })
    }
    const old = await app!.dispatch('training.start', { datasetId: dataset.id, backend: 'import', importPath: outside, importKind: 'model' })
    expect(old).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    await nothingHappened()
  })

  it('refuses a link in the imports folder that points outside it, in Spanish, without showing the file', async () => {
    const { dataset, imports, outside } = await setup()
    symlinkSync(outside, join(imports, 'modelo.gguf'))
    const result = await app!.dispatch('training.start', { datasetId: dataset.id, backend: 'import', importFile: 'modelo.gguf', importKind: 'model' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/carpeta de importación/) } })
    expect(JSON.stringify(result)).not.toContain(CONTENT.slice(0, 8))
    // Nor is it offered in the list.
    expect((await call(app!, 'training.imports', {})).files).toEqual([])
    await nothingHappened()
  })

  it('refuses a file that is not a model or adapter without echoing its content', async () => {
    const { dataset, imports } = await setup()
    writeFileSync(join(imports, 'no-es-un-modelo.gguf'), `${CONTENT}\n`)
    const asModel = await app!.dispatch('training.start', { datasetId: dataset.id, backend: 'import', importFile: 'no-es-un-modelo.gguf', importKind: 'model' })
    expect(asModel).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/no es un archivo de modelo que la app pueda usar/), fields: [{ path: 'importFile' }] } })
    const asAdapter = await app!.dispatch('training.start', { datasetId: dataset.id, backend: 'import', importFile: 'no-es-un-modelo.gguf', importKind: 'adapter' })
    expect(asAdapter).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/no es un complemento que la app pueda usar/) } })
    // A GGUF magic on a broken header: the reader's detail (it quotes bytes and names) stays out.
    writeFileSync(join(imports, 'roto.gguf'), Buffer.concat([Buffer.from('GGUF'), Buffer.from([3, 0, 0, 0]), Buffer.from(CONTENT)]))
    const broken = await app!.dispatch('training.start', { datasetId: dataset.id, backend: 'import', importFile: 'roto.gguf', importKind: 'model' })
    expect(broken).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^roto\.gguf parece un archivo de modelo pero/) } })
    for (const result of [asModel, asAdapter, broken]) expect(JSON.stringify(result)).not.toMatch(/SECRETO|hostname-de/)
    const missing = await app!.dispatch('training.start', { datasetId: dataset.id, backend: 'import', importFile: 'no-existe.gguf', importKind: 'model' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(`No hay ningún archivo no-existe.gguf en la carpeta de importación (${imports})`) } })
    await nothingHappened()
  })

  it('lists the folder with what each file is, and imports a safetensors adapter from it', async () => {
    const { dataset, imports } = await setup()
    writeFileSync(join(imports, 'notas.txt'), 'hola')
    const header = Buffer.from(JSON.stringify({ __metadata__: { format: 'pt' }, 'a.lora_A.weight': { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }))
    const length = Buffer.alloc(8)
    length.writeBigUInt64LE(BigInt(header.length))
    writeFileSync(join(imports, 'adapter_model.safetensors'), Buffer.concat([length, header, Buffer.alloc(4)]))
    mkdirSync(join(imports, 'una-carpeta'))
    const sources = await call(app!, 'training.imports', {})
    expect(sources).toMatchObject({ picker: false, folder: join(app!.dataDir, 'imports') })
    expect(sources.files).toEqual([
      { name: 'adapter_model.safetensors', sizeBytes: 8 + header.length + 4, format: 'safetensors' },
      { name: 'notas.txt', sizeBytes: 4, format: 'unknown' },
    ])
    const run = await call(app!, 'training.start', { datasetId: dataset.id, backend: 'import', importFile: 'adapter_model.safetensors', importKind: 'adapter' })
    await app!.training.idle()
    expect(ollama!.blobs.size).toBe(1)
    expect((await call(app!, 'training.get', { id: run.id })).params).toMatchObject({ importFile: 'adapter_model.safetensors', importFormat: 'safetensors' })
    const created = [...ollama!.created.values()].at(-1) as { adapters?: Record<string, string> } | undefined
    expect(Object.keys(created?.adapters ?? {})).toEqual(['adapter_model.safetensors'])
  })

  it('headless has no file picker and says where to put the file', async () => {
    const { imports } = await setup()
    const result = await app!.dispatch('training.pickImport', { kind: 'model' })
    expect(result).toMatchObject({ ok: false, error: { code: 'precondition', message: expect.stringContaining(imports) } })
  })

  it('on the desktop the picked file is used through a handle; an unknown handle is refused', async () => {
    let chosen: string | null = null
    const { dataset, outside } = await setup(async () => chosen)
    const picked = join(dirs[0]!.path, 'modelo-de-la-nube.gguf')
    await writeGguf(picked, { kv: { 'general.architecture': { type: 'string', value: 'llama' } as GgufValue }, tensors: [] })
    expect(await call(app!, 'training.pickImport', { kind: 'model' })).toBeNull()
    chosen = picked
    const handle = await call(app!, 'training.pickImport', { kind: 'model' })
    expect(handle).toMatchObject({ name: 'modelo-de-la-nube.gguf', format: 'gguf' })
    expect(handle!.handle).not.toContain('/')
    const unknown = await app!.dispatch('training.start', { datasetId: dataset.id, backend: 'import', importHandle: 'no-such-handle', importKind: 'model' })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/vuelve a elegirlo/) } })
    // A picked file that is not a model is refused like any other, content unsaid.
    chosen = outside
    const bad = await call(app!, 'training.pickImport', { kind: 'model' })
    const refused = await app!.dispatch('training.start', { datasetId: dataset.id, backend: 'import', importHandle: bad!.handle, importKind: 'model' })
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^hostname no es un archivo de modelo que la app pueda usar/) } })
    expect(JSON.stringify(refused)).not.toContain('SECRETO')
    expect(ollama!.blobs.size).toBe(0)

    const run = await call(app!, 'training.start', { datasetId: dataset.id, backend: 'import', importHandle: handle!.handle, importKind: 'model' })
    expect(run.baseModel).toBe(picked)
    await app!.training.idle()
    expect(ollama!.blobs.size).toBe(1)
  })
})
