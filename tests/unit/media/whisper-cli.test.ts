import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { findWhisperCli, WHISPER_BIN_RESOURCE, WHISPER_CLI_NAME } from '../../../src/main/media/whisper-cli'
import { installedWhisperModel, recommendedWhisperModel, WHISPER_MODELS, whisperModelsAt } from '../../../src/main/media/whisper-models'
import { tempDir } from '../../support/test-app'

const dirs: { remove: () => void }[] = []
afterEach(() => dirs.splice(0).forEach((d) => d.remove()))

function folderWithCli(sub = ''): string {
  const dir = tempDir()
  dirs.push(dir)
  const bin = join(dir.path, sub)
  mkdirSync(bin, { recursive: true })
  writeFileSync(join(bin, WHISPER_CLI_NAME), '')
  return dir.path
}

describe('where whisper-cli is found', () => {
  it('AUTODIDACTA_WHISPER_BIN first, then the package’s resources, then the build cache', () => {
    const own = folderWithCli()
    const resources = folderWithCli(WHISPER_BIN_RESOURCE)
    const checkout = folderWithCli(join('.cache', 'whisper-cpp', 'bin'))
    const searchFrom = join(checkout, 'out', 'main', 'cli.js')
    expect(findWhisperCli({ env: { AUTODIDACTA_WHISPER_BIN: own }, resourcesDir: resources, searchFrom })).toBe(join(own, WHISPER_CLI_NAME))
    expect(findWhisperCli({ env: {}, resourcesDir: resources, searchFrom })).toBe(join(resources, WHISPER_BIN_RESOURCE, WHISPER_CLI_NAME))
    expect(findWhisperCli({ env: {}, searchFrom })).toBe(join(checkout, '.cache', 'whisper-cpp', 'bin', WHISPER_CLI_NAME))
  })

  it('an installed app never runs a stray build found above its folder', () => {
    const checkout = folderWithCli(join('.cache', 'whisper-cpp', 'bin'))
    const empty = tempDir()
    dirs.push(empty)
    expect(findWhisperCli({ env: {}, resourcesDir: empty.path, buildCache: false, searchFrom: join(checkout, 'app', 'main.js') })).toBeNull()
  })
})

describe('the Whisper model files', () => {
  it('are multilingual official ggml files with whisper.cpp’s checksums', () => {
    for (const m of WHISPER_MODELS) {
      expect(m.url).toBe(`https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-${m.id}.bin`)
      expect(m.file).not.toContain('.en')
      expect(m.sha1).toMatch(/^[0-9a-f]{40}$/)
    }
    expect(whisperModelsAt('http://mirror.local/whisper/').map((m) => m.url)).toEqual(WHISPER_MODELS.map((m) => `http://mirror.local/whisper/${m.file}`))
    expect(whisperModelsAt(undefined)).toBe(WHISPER_MODELS)
  })

  it('the plan recommends by memory and cores, and the transcriber prefers it when installed, else the largest there', () => {
    expect(recommendedWhisperModel({ totalMemoryBytes: 32 * 1024 ** 3, cpuCores: 4 })).toBe('small')
    expect(recommendedWhisperModel({ totalMemoryBytes: 32 * 1024 ** 3, cpuCores: 2 })).toBe('base')
    const dir = tempDir()
    dirs.push(dir)
    expect(installedWhisperModel(dir.path)).toBeNull()
    writeFileSync(join(dir.path, 'ggml-tiny.bin'), 'x')
    writeFileSync(join(dir.path, 'ggml-small.bin'), 'x')
    expect(installedWhisperModel(dir.path, 'tiny')?.info.id).toBe('tiny')
    expect(installedWhisperModel(dir.path, 'base')?.info.id).toBe('small')
    writeFileSync(join(dir.path, 'ggml-base.bin'), '')
    // an empty file is no model
    expect(installedWhisperModel(dir.path, 'base')?.info.id).toBe('small')
  })
})
