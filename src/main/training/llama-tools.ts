import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { findUp } from '../kernel/project-paths'

/** The llama.cpp programs the llama.cpp backend runs (built by `npm run build:llama`). */
export interface LlamaTools {
  dir: string
  /** Our trainer (train / eval / generate / info), compiled against the patched llama.cpp. */
  trainer: string
  quantize: string
  perplexity: string
  finetune: string
}

const EXE = process.platform === 'win32' ? '.exe' : ''
const NAMES = { trainer: 'autodidacta-train', quantize: 'llama-quantize', perplexity: 'llama-perplexity', finetune: 'llama-finetune' } as const

function llamaToolsIn(dir: string): LlamaTools | null {
  const paths = Object.fromEntries(Object.entries(NAMES).map(([key, name]) => [key, join(dir, `${name}${EXE}`)])) as Omit<LlamaTools, 'dir'>
  return Object.values(paths).every((p) => existsSync(p)) ? { dir, ...paths } : null
}

/**
 * Where the tools are, in order: a folder the owner set in Ajustes (binaries built elsewhere,
 * e.g. with CUDA), AUTODIDACTA_LLAMA_BIN, the desktop package's resources, and the project's
 * build cache (`.cache/llama-cpp/bin`, from `npm run build:llama`).
 */
export function findLlamaTools(options: { configuredDir?: string | null; env?: Record<string, string | undefined>; resourcesDir?: string | null } = {}): LlamaTools | null {
  const candidates = [
    options.configuredDir,
    options.env?.AUTODIDACTA_LLAMA_BIN,
    options.resourcesDir ? join(options.resourcesDir, 'llama-bin') : null,
    findUp(join('.cache', 'llama-cpp', 'bin')),
  ]
  for (const dir of candidates) {
    if (!dir) continue
    const tools = llamaToolsIn(dir)
    if (tools) return tools
  }
  return null
}
