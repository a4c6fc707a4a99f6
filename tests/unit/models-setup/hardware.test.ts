import { describe, expect, it } from 'vitest'
import { createHardwareProbe, hardwareFromEnv, parseNvidiaSmi } from '../../../src/main/models-setup/hardware'
import { isAllowedExternalUrl } from '../../../src/main/models-setup/external-links'
import { fakeMachine } from './fake-machine'

const GiB = 1024 ** 3

describe('the hardware probe', () => {
  it('takes a graphics card from what Ollama holds in it, sized by nvidia-smi when it answers', async () => {
    const machine = fakeMachine({ run: async () => 'NVIDIA GeForce RTX 3060, 12288\n' })
    const probe = createHardwareProbe({ machine, loadedModels: async () => [{ name: 'qwen2.5:1.5b', sizeBytes: 1.6e9, vramBytes: 1.6e9 }] })
    expect(await probe()).toEqual({ totalMemoryBytes: 16 * GiB, cpuCores: 4, gpu: { name: 'NVIDIA GeForce RTX 3060', memoryBytes: 12 * GiB }, source: 'ollama' })
  })

  it('believes Ollama running a loaded model on the CPU: no usable card, whatever the OS lists', async () => {
    const machine = fakeMachine({ run: async () => 'NVIDIA GeForce GT 710, 2048\n' })
    const probe = createHardwareProbe({ machine, loadedModels: async () => [{ name: 'qwen2.5:1.5b', sizeBytes: 1.6e9, vramBytes: 0 }] })
    expect((await probe()).gpu).toBeNull()
    expect((await probe()).source).toBe('ollama')
  })

  it('falls back to the OS: nvidia-smi, Apple Silicon’s shared memory, or none', async () => {
    const none = async () => null
    expect(await createHardwareProbe({ machine: fakeMachine({ run: async () => 'Tesla T4, 15360' }), loadedModels: none })()).toMatchObject({ gpu: { name: 'Tesla T4', memoryBytes: 15360 * 1024 * 1024 }, source: 'os' })
    const mac = await createHardwareProbe({ machine: fakeMachine({ platform: 'darwin', arch: 'arm64' }), loadedModels: async () => [] })()
    expect(mac.gpu?.name).toMatch(/Apple/)
    expect(mac.gpu!.memoryBytes).toBeLessThan(16 * GiB)
    expect(await createHardwareProbe({ machine: fakeMachine(), loadedModels: none })()).toEqual({ totalMemoryBytes: 16 * GiB, cpuCores: 4, gpu: null, source: 'os' })
  })

  it('reads nvidia-smi’s CSV and keeps the largest card', () => {
    expect(parseNvidiaSmi('NVIDIA GeForce GTX 1650, 4096\r\nNVIDIA RTX A4000, 16376\n')).toEqual({ name: 'NVIDIA RTX A4000', memoryBytes: 16376 * 1024 * 1024 })
    expect(parseNvidiaSmi('NVIDIA-SMI has failed')).toBeNull()
  })

  it('AUTODIDACTA_HARDWARE replaces the probe, and a malformed value is an error, not a silent fallback', () => {
    expect(hardwareFromEnv(undefined)).toBeNull()
    expect(hardwareFromEnv('{"totalMemoryBytes": 8589934592, "cpuCores": 4, "gpu": null}')).toEqual({ totalMemoryBytes: 8 * GiB, cpuCores: 4, gpu: null, source: 'injected' })
    expect(hardwareFromEnv('{"totalMemoryBytes": 1, "cpuCores": 2, "gpu": {"name": "X", "memoryBytes": 5}}')!.gpu).toEqual({ name: 'X', memoryBytes: 5 })
    expect(() => hardwareFromEnv('{"cpuCores": 4}')).toThrow(/totalMemoryBytes/)
    expect(() => hardwareFromEnv('8GB')).toThrow(/JSON/)
  })
})

describe('external pages', () => {
  it('opens only https pages of ollama.com', () => {
    expect(isAllowedExternalUrl('https://ollama.com/download/windows')).toBe(true)
    expect(isAllowedExternalUrl('https://www.ollama.com/library/qwen2.5')).toBe(true)
    expect(isAllowedExternalUrl('http://ollama.com/download')).toBe(false)
    expect(isAllowedExternalUrl('https://ollama.com.evil.example/download')).toBe(false)
    expect(isAllowedExternalUrl('https://evil.example/?https://ollama.com')).toBe(false)
    expect(isAllowedExternalUrl('https://user@ollama.com/')).toBe(false)
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false)
  })
})
