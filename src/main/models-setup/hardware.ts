// RAM, cores and a graphics card: what Ollama says when it says it, else what the OS says
// cheaply. The whole probe can be replaced (tests, and AUTODIDACTA_HARDWARE for the served app).
import type { HardwareDto } from '../../shared/setup'
import type { Machine } from './machine'

export type HardwareProbe = () => Promise<HardwareDto>

/** How long nvidia-smi may take before the plan goes on without it. */
const NVIDIA_SMI_TIMEOUT_MS = 1_500
/**
 * Apple Silicon shares memory between CPU and GPU; Metal lets a process keep about two thirds
 * of it resident for the GPU (its "recommended working set"), which is what a model may use.
 */
const APPLE_GPU_SHARE = 2 / 3

export interface LoadedModel {
  name: string
  sizeBytes: number
  /** Bytes of the loaded model in graphics memory (`size_vram` of /api/ps). */
  vramBytes: number
}

export interface HardwareProbeDeps {
  machine: Machine
  /** Models Ollama has loaded now (/api/ps); null when Ollama does not answer. */
  loadedModels: () => Promise<LoadedModel[] | null>
}

export function createHardwareProbe(deps: HardwareProbeDeps): HardwareProbe {
  return async () => {
    const { machine } = deps
    const base = { totalMemoryBytes: machine.totalMemoryBytes(), cpuCores: machine.cpuCores() }
    const loaded = await deps.loadedModels().catch(() => null)
    // A loaded model is Ollama's own word: in graphics memory (at least this much fits there) or not.
    if (loaded && loaded.length > 0) {
      const vram = Math.max(...loaded.map((model) => model.vramBytes))
      if (vram === 0) return { ...base, gpu: null, source: 'ollama' }
      // The loaded model shows only what it uses; the card's own total, when the OS tells it, is the size.
      const card = await nvidiaGpu(machine)
      return { ...base, gpu: { name: card?.name ?? null, memoryBytes: Math.max(vram, card?.memoryBytes ?? 0) }, source: 'ollama' }
    }
    const nvidia = await nvidiaGpu(machine)
    if (nvidia) return { ...base, gpu: nvidia, source: 'os' }
    if (machine.platform === 'darwin' && machine.arch === 'arm64') {
      return { ...base, gpu: { name: 'Apple Silicon (memoria compartida)', memoryBytes: Math.floor(base.totalMemoryBytes * APPLE_GPU_SHARE) }, source: 'os' }
    }
    return { ...base, gpu: null, source: 'os' }
  }
}

/** The largest NVIDIA card nvidia-smi lists; null without the driver's tool (most shop PCs). */
export async function nvidiaGpu(machine: Machine): Promise<{ name: string; memoryBytes: number } | null> {
  let output: string
  try {
    output = await machine.run('nvidia-smi', ['--query-gpu=name,memory.total', '--format=csv,noheader,nounits'], NVIDIA_SMI_TIMEOUT_MS)
  } catch {
    return null
  }
  return parseNvidiaSmi(output)
}

/** "NVIDIA GeForce RTX 3060, 12288" per line (MiB) → the card with the most memory. */
export function parseNvidiaSmi(output: string): { name: string; memoryBytes: number } | null {
  let best: { name: string; memoryBytes: number } | null = null
  for (const line of output.split(/\r?\n/)) {
    const match = /^(.+?),\s*(\d+)\s*$/.exec(line.trim())
    if (!match) continue
    const memoryBytes = Number(match[2]) * 1024 * 1024
    if (!best || memoryBytes > best.memoryBytes) best = { name: match[1]!.trim(), memoryBytes }
  }
  return best
}

/**
 * AUTODIDACTA_HARDWARE (a test and diagnostic hook): the machine to plan for, as JSON
 * `{"totalMemoryBytes": 8589934592, "cpuCores": 4, "gpu": null}` — or with a card,
 * `"gpu": {"name": "RTX 3060", "memoryBytes": 12884901888}`. Null when unset; throws when unreadable,
 * so a typo in a test does not silently plan for the real machine.
 */
export function hardwareFromEnv(value: string | undefined): HardwareDto | null {
  if (!value?.trim()) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    throw new Error('AUTODIDACTA_HARDWARE is not JSON')
  }
  const { totalMemoryBytes, cpuCores, gpu } = (parsed ?? {}) as { totalMemoryBytes?: unknown; cpuCores?: unknown; gpu?: unknown }
  if (!isPositive(totalMemoryBytes) || !isPositive(cpuCores)) throw new Error('AUTODIDACTA_HARDWARE needs totalMemoryBytes and cpuCores (positive numbers)')
  let card: HardwareDto['gpu'] = null
  if (gpu !== null && gpu !== undefined) {
    const { name, memoryBytes } = gpu as { name?: unknown; memoryBytes?: unknown }
    if (!isPositive(memoryBytes)) throw new Error('AUTODIDACTA_HARDWARE gpu needs memoryBytes (a positive number)')
    card = { name: typeof name === 'string' ? name : null, memoryBytes }
  }
  return { totalMemoryBytes, cpuCores: Math.floor(cpuCores), gpu: card, source: 'injected' }
}

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0
}
