import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { LlamaCppBackend } from '../../../src/main/training/backends/llamacpp-backend'
import { findLlamaTools, LLAMA_BIN_RESOURCE, LLAMA_TOOL_NAMES } from '../../../src/main/training/llama-tools'
import { TRAINING_ERRORS } from '../../../src/main/training/training-errors'
import { buildTestApp, callApi, tempDir } from '../../support/test-app'

const EXE = process.platform === 'win32' ? '.exe' : ''
const BUILT = join(process.cwd(), '.cache', 'llama-cpp', 'bin')
const builtHere = Object.values(LLAMA_TOOL_NAMES).every((name) => existsSync(join(BUILT, name + EXE)))
/** What package.json tells electron-builder to copy into the package's resources. */
const extraResources = (JSON.parse(readFileSync('package.json', 'utf8')) as { build: { extraResources: { from: string; to: string; filter?: string[] }[] } }).build
  .extraResources

/**
 * A folder laid out like the installed app's resources (`process.resourcesPath`): the tools
 * under `llama-bin/`, copied from this checkout's build when there is one (so they must start
 * from there, away from the build tree), else small executable stand-ins.
 */
function packagedResources(root: string): string {
  const resources = join(root, 'resources')
  const bin = join(resources, LLAMA_BIN_RESOURCE)
  mkdirSync(bin, { recursive: true })
  for (const name of Object.values(LLAMA_TOOL_NAMES)) {
    const to = join(bin, name + EXE)
    if (builtHere) copyFileSync(join(BUILT, name + EXE), to)
    else writeFileSync(to, '#!/bin/sh\necho "usage: stand-in"\n')
    chmodSync(to, 0o755)
  }
  return resources
}

function standInTools(dir: string): string {
  mkdirSync(dir, { recursive: true })
  for (const name of Object.values(LLAMA_TOOL_NAMES)) writeFileSync(join(dir, name + EXE), '#!/bin/sh\n', { mode: 0o755 })
  return dir
}

describe('the llama.cpp tools in an installed app', () => {
  const dir = tempDir('autodidacta-llama-tools-')
  afterAll(() => dir.remove())

  it('the package carries the build folder as llama-bin, tools included', () => {
    const entry = extraResources.find((e) => e.to === LLAMA_BIN_RESOURCE)
    expect(entry?.from).toBe('.cache/llama-cpp/bin')
    // The filter leaves out the build manifest only: every tool (and anything built next to them) goes.
    expect(entry?.filter).toEqual(['*', '!manifest.json'])
  })

  it('resolves the tools under resourcesPath/llama-bin, and they start from there', () => {
    const resources = packagedResources(join(dir.path, 'packaged'))
    const tools = findLlamaTools({ resourcesDir: resources, env: {}, buildCache: false })
    expect(tools).toEqual({
      dir: join(resources, 'llama-bin'),
      trainer: join(resources, 'llama-bin', `autodidacta-train${EXE}`),
      quantize: join(resources, 'llama-bin', `llama-quantize${EXE}`),
      perplexity: join(resources, 'llama-bin', `llama-perplexity${EXE}`),
      finetune: join(resources, 'llama-bin', `llama-finetune${EXE}`),
    })
    // Without arguments both print their usage: a missing shared library would stop them before.
    for (const tool of [tools!.trainer, tools!.quantize]) {
      const run = spawnSync(tool, [], { encoding: 'utf8', timeout: 20_000 })
      expect(run.error).toBeUndefined()
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/error while loading shared libraries|Library not loaded|cannot open shared object/i)
      expect(`${run.stdout}${run.stderr}`).toMatch(/usage/i)
    }
  })

  it.runIf(process.platform === 'linux' && builtHere)('the built tools need only what every desktop Linux has (no OpenMP runtime)', () => {
    const tools = findLlamaTools({ resourcesDir: packagedResources(join(dir.path, 'ldd')), env: {}, buildCache: false })!
    for (const tool of [tools.trainer, tools.quantize, tools.perplexity, tools.finetune]) {
      const ldd = spawnSync('ldd', [tool], { encoding: 'utf8' })
      const needed = [...ldd.stdout.matchAll(/^\s*(\S+\.so[.\d]*)/gm)].map((m) => m[1]!.replace(/\.so.*/, ''))
      expect(needed.filter((lib) => !['linux-vdso', 'libc', 'libm', 'libstdc++', 'libgcc_s', 'libpthread', 'libdl', 'librt'].includes(lib) && !lib.startsWith('/lib') && !lib.includes('ld-linux')), tool).toEqual([])
    }
  })

  it('a folder set in Ajustes wins over the packaged tools; AUTODIDACTA_LLAMA_BIN comes next', () => {
    const resources = packagedResources(join(dir.path, 'wins'))
    const configured = standInTools(join(dir.path, 'cuda-build'))
    const fromEnv = standInTools(join(dir.path, 'env-build'))
    expect(findLlamaTools({ configuredDir: configured, env: { AUTODIDACTA_LLAMA_BIN: fromEnv }, resourcesDir: resources, buildCache: false })?.dir).toBe(configured)
    expect(findLlamaTools({ configuredDir: null, env: { AUTODIDACTA_LLAMA_BIN: fromEnv }, resourcesDir: resources, buildCache: false })?.dir).toBe(fromEnv)
    // A configured folder missing a tool is passed over, not half used.
    const partial = join(dir.path, 'partial')
    mkdirSync(partial)
    writeFileSync(join(partial, `autodidacta-train${EXE}`), '')
    expect(findLlamaTools({ configuredDir: partial, env: {}, resourcesDir: resources, buildCache: false })?.dir).toBe(join(resources, 'llama-bin'))
  })

  it('an installed app never picks up a build cache above its install folder', () => {
    const root = join(dir.path, 'stray')
    standInTools(join(root, '.cache', 'llama-cpp', 'bin'))
    const running = join(root, 'opt', 'autodidacta', 'resources', 'app.asar', 'out', 'main', 'index.js')
    expect(findLlamaTools({ env: {}, searchFrom: running })?.dir).toBe(join(root, '.cache', 'llama-cpp', 'bin'))
    expect(findLlamaTools({ env: {}, searchFrom: running, resourcesDir: join(root, 'opt', 'autodidacta', 'resources'), buildCache: false })).toBeNull()
  })

  it('the app built with a resources folder trains with the packaged tools (the Electron shell passes process.resourcesPath)', async () => {
    const resources = packagedResources(join(dir.path, 'app'))
    const app = await buildTestApp({ resourcesDir: resources })
    try {
      const options = await callApi(app, 'training.options', {})
      expect(options.backends.find((b) => b.id === 'llamacpp')).toEqual({ id: 'llamacpp', available: true, reason: null })
    } finally {
      await app.dispose()
    }
  })
})

describe('missing tools, said to whoever can act on it', () => {
  const dir = tempDir('autodidacta-llama-missing-')
  afterAll(() => dir.remove())

  it('an installed app without its tools tells the owner to reinstall, and that the prompt backend still works', async () => {
    const resources = join(dir.path, 'resources')
    mkdirSync(resources)
    const app = await buildTestApp({ resourcesDir: resources })
    try {
      const options = await callApi(app, 'training.options', {})
      const llamacpp = options.backends.find((b) => b.id === 'llamacpp')!
      expect(llamacpp.available).toBe(false)
      expect(llamacpp.reason).toBe(TRAINING_ERRORS.toolsMissing('installed'))
      expect(llamacpp.reason).toMatch(/Vuelve a instalar autodidacta desde su página de descarga/)
      expect(llamacpp.reason).toMatch(/«Darle tus mejores respuestas como ejemplo»/)
      // Nothing a shopkeeper cannot act on: no commands, no build steps, no paths.
      expect(llamacpp.reason).not.toMatch(/npm|build|llama\.cpp|\.cache|\//)
      // What the text promises holds: the prompt backend needs no tools.
      expect(options.backends.find((b) => b.id === 'prompt')).toMatchObject({ available: true })
    } finally {
      await app.dispose()
    }
  })

  it('a development checkout gets the build command', () => {
    expect(new LlamaCppBackend('checkout').unavailable(null)).toBe(TRAINING_ERRORS.toolsMissing('checkout'))
    expect(TRAINING_ERRORS.toolsMissing('checkout')).toContain('npm run build:llama')
    expect(new LlamaCppBackend('installed').unavailable(null)).toBe(TRAINING_ERRORS.toolsMissing('installed'))
    expect(TRAINING_ERRORS.toolsMissing('installed')).not.toContain('npm')
  })
})
