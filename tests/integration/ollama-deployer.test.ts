import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { CHATML_OLLAMA_TEMPLATE, judgeSmokeText, OllamaDeployer, sha256File } from '../../src/main/training/ollama-deployer'
import { startOllamaDouble, type OllamaDouble } from '../support/ollama-double'
import { tempDir } from '../support/test-app'

describe('OllamaDeployer against the Ollama API double', () => {
  let ollama: OllamaDouble | undefined
  const dir = tempDir()
  afterAll(() => dir.remove())
  afterEach(async () => {
    await ollama?.close()
    ollama = undefined
  })

  it('uploads a GGUF as a blob once, creates a model from it with a template and stop parameters, and answers with it', async () => {
    ollama = await startOllamaDouble({ replyFor: (model) => (model === 'autodidacta-tienda:v1' ? '¡Hola! Vendemos cursos y gadgets.' : undefined) })
    const file = join(dir.path, 'model.gguf')
    writeFileSync(file, Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(70_000, 7)]))
    const deployer = new OllamaDeployer(() => ollama!.url)
    const digest = await deployer.uploadBlob(file)
    expect(digest).toBe(`sha256:${await sha256File(file)}`)
    expect(ollama.blobs.get(digest)).toBe(70_004)
    // A second upload of the same file only asks (HEAD) and sends nothing.
    const before = ollama.requests.length
    await deployer.uploadBlob(file)
    expect(ollama.requests.length).toBe(before + 1)

    const statuses: string[] = []
    await deployer.create(
      { model: 'autodidacta-tienda:v1', files: { 'model.gguf': digest }, template: CHATML_OLLAMA_TEMPLATE, parameters: { stop: ['<|im_end|>'] }, system: 'Eres un vendedor.' },
      (s) => statuses.push(s),
    )
    expect(statuses.at(-1)).toBe('success')
    expect(ollama.created.get('autodidacta-tienda:v1')).toMatchObject({ files: { 'model.gguf': digest }, template: CHATML_OLLAMA_TEMPLATE, parameters: { stop: ['<|im_end|>'] } })
    const shown = await deployer.show('autodidacta-tienda:v1')
    expect(shown.parameters).toBe('stop "<|im_end|>"')
    expect(shown.template).toBe(CHATML_OLLAMA_TEMPLATE)
    expect(await deployer.smokeTest('autodidacta-tienda:v1', 'Eres un vendedor.')).toEqual({ ok: true, text: '¡Hola! Vendemos cursos y gadgets.', reason: null })

    await deployer.delete('autodidacta-tienda:v1')
    expect(ollama.models).not.toContain('autodidacta-tienda:v1')
  })

  it('refuses to create from a blob Ollama does not have', async () => {
    ollama = await startOllamaDouble()
    const deployer = new OllamaDeployer(() => ollama!.url)
    await expect(deployer.create({ model: 'x:v1', files: { 'model.gguf': `sha256:${'c'.repeat(64)}` } })).rejects.toThrow(/not found/)
  })

  it('judges smoke-test text: garbage, leaked template markers and loops fail', () => {
    expect(judgeSmokeText('¡Hola! Tenemos cursos de piano y audífonos.').ok).toBe(true)
    expect(judgeSmokeText('').ok).toBe(false)
    expect(judgeSmokeText('<|im_start|>assistant hola').reason).toMatch(/plantilla/)
    expect(judgeSmokeText('hola hola hola hola hola hola hola hola hola').reason).toMatch(/repite/)
    expect(judgeSmokeText('⣿⣿⣿⣿⣿⣿⣿⣿ ▓▓▓▓▓▓').reason).toMatch(/sin sentido/)
  })
})
