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

/** The folder under the package's resources that holds the tools (package.json → build.extraResources). */
export const LLAMA_BIN_RESOURCE = 'llama-bin'

const EXE = process.platform === 'win32' ? '.exe' : ''
export const LLAMA_TOOL_NAMES = { trainer: 'autodidacta-train', quantize: 'llama-quantize', perplexity: 'llama-perplexity', finetune: 'llama-finetune' } as const

function llamaToolsIn(dir: string): LlamaTools | null {
  const paths = Object.fromEntries(Object.entries(LLAMA_TOOL_NAMES).map(([key, name]) => [key, join(dir, `${name}${EXE}`)])) as Omit<LlamaTools, 'dir'>
  return Object.values(paths).every((p) => existsSync(p)) ? { dir, ...paths } : null
}

export interface FindLlamaToolsOptions {
  /** Ajustes → training.llamaBinDir. */
  configuredDir?: string | null
  env?: Record<string, string | undefined>
  /** The installed app's resources folder (Electron's `process.resourcesPath`); the tools are in its `llama-bin/`. */
  resourcesDir?: string | null
  /**
   * Whether to look for the development build cache above the running code. Off in an installed
   * app: what lies above its install folder is nobody's build, and the app must say plainly that
   * its own tools are missing rather than run a stray copy.
   */
  buildCache?: boolean
  /** Where the build-cache search starts (the running file by default; tests point it elsewhere). */
  searchFrom?: string
}

/**
 * Where the tools are, in order: a folder the owner set in Ajustes (binaries built elsewhere,
 * e.g. with CUDA), AUTODIDACTA_LLAMA_BIN, the desktop package's resources (electron-builder's
 * `extraResources` copies `.cache/llama-cpp/bin` to `llama-bin`), and the project's build cache
 * (`.cache/llama-cpp/bin`, from `npm run build:llama`).
 */
export function findLlamaTools(options: FindLlamaToolsOptions = {}): LlamaTools | null {
  const buildCache = options.buildCache ?? true
  const candidates = [
    options.configuredDir,
    options.env?.AUTODIDACTA_LLAMA_BIN,
    options.resourcesDir ? join(options.resourcesDir, LLAMA_BIN_RESOURCE) : null,
    buildCache ? findUp(join('.cache', 'llama-cpp', 'bin'), options.searchFrom) : null,
  ]
  for (const dir of candidates) {
    if (!dir) continue
    const tools = llamaToolsIn(dir)
    if (tools) return tools
  }
  return null
}
