// Finds fine-tuning base models in Ollama's on-disk store, without asking the Ollama server:
// manifests/<registry>/<namespace>/<model>/<tag> are OCI-style JSON manifests whose model
// layer is a GGUF blob at blobs/sha256-<hex>. Deploying a fine-tune later needs the base's
// TEMPLATE, SYSTEM and stop parameters too, so those layers are read as well.
//
// Scanning never throws for one bad model: a missing or broken blob becomes an entry with
// `trainable: false` and a reason the owner can read (in Spanish, like the rest of the UI).

import type { Dirent } from 'node:fs'
import { open, readdir, readFile, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { GgufError, describeModel, readGgufHeader } from './gguf'

export const OLLAMA_MEDIA_TYPES = {
  model: 'application/vnd.ollama.image.model',
  template: 'application/vnd.ollama.image.template',
  params: 'application/vnd.ollama.image.params',
  system: 'application/vnd.ollama.image.system',
  adapter: 'application/vnd.ollama.image.adapter',
  projector: 'application/vnd.ollama.image.projector',
} as const

/** Weights llama.cpp can fine-tune directly; quantized ones would need dequantizing first. */
const TRAINABLE_FILE_TYPES: ReadonlySet<string> = new Set(['F32', 'F16', 'BF16'])

const DEFAULT_REGISTRY = 'registry.ollama.ai'
const DEFAULT_NAMESPACE = 'library'
/** Template, system and params layers are small text; anything bigger is not what we think it is. */
const MAX_TEXT_LAYER = 1024 * 1024

export interface OllamaBaseModel {
  /** The name `ollama run` takes: "qwen2.5:0.5b-instruct-fp16", "user/model:tag", "hf.co/org/repo:Q4_K_M". */
  model: string
  manifestPath: string
  modelsDir: string
  /** blobs/sha256-… of the GGUF layer; null when the manifest has none. */
  blobPath: string | null
  digest: string | null
  sizeBytes: number | null
  fileType: string | null
  architecture: string | null
  layers: number | null
  contextLength: number | null
  parameterCount: number | null
  /** The GGUF's Jinja `tokenizer.chat_template`. */
  chatTemplate: string | null
  /** Ollama's Go TEMPLATE layer, needed to deploy a fine-tune that chats like its base. */
  template: string | null
  /** Ollama's SYSTEM layer. */
  system: string | null
  /** Ollama's params layer (temperature, stop, num_ctx, …) as stored. */
  params: Record<string, unknown> | null
  /** `params.stop`, as a list. */
  stop: string[]
  trainable: boolean
  /** Why it is not trainable, for the owner. */
  reason?: string
}

interface ManifestLayer {
  mediaType: string
  digest: string
  size: number | null
}

/**
 * Where Ollama keeps models: $OLLAMA_MODELS when set (Ollama then looks nowhere else), else
 * ~/.ollama/models, and on Linux also the system service's store (the `ollama` user's home).
 */
export function defaultOllamaModelsDirs(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string[] {
  const fromEnv = env.OLLAMA_MODELS?.trim()
  if (fromEnv) return [fromEnv]
  const dirs = [join(home, '.ollama', 'models')]
  if (platform === 'linux') dirs.push('/usr/share/ollama/.ollama/models')
  return dirs
}

/**
 * Every model in the given store(s) (default: defaultOllamaModelsDirs()), smallest first.
 * Stores that do not exist are skipped; a model listed in two stores is reported once, from the
 * first.
 */
export async function findOllamaBaseModels(modelsDir?: string | readonly string[]): Promise<OllamaBaseModel[]> {
  const dirs = modelsDir === undefined ? defaultOllamaModelsDirs() : typeof modelsDir === 'string' ? [modelsDir] : [...modelsDir]
  const found: OllamaBaseModel[] = []
  const seen = new Set<string>()
  for (const dir of dirs) {
    for (const manifest of await listManifests(dir)) {
      if (seen.has(manifest.model)) continue
      seen.add(manifest.model)
      found.push(await inspectModel(dir, manifest))
    }
  }
  return found.sort((a, b) => (a.sizeBytes ?? Infinity) - (b.sizeBytes ?? Infinity) || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0))
}

interface ManifestRef {
  model: string
  path: string
}

async function listManifests(modelsDir: string): Promise<ManifestRef[]> {
  const root = join(modelsDir, 'manifests')
  const refs: ManifestRef[] = []
  for (const registry of await subdirs(root)) {
    for (const namespace of await subdirs(join(root, registry))) {
      for (const model of await subdirs(join(root, registry, namespace))) {
        const modelDir = join(root, registry, namespace, model)
        for (const tag of await entries(modelDir)) {
          if (!tag.isFile() || tag.name.startsWith('.')) continue
          refs.push({ model: modelName(registry, namespace, model, tag.name), path: join(modelDir, tag.name) })
        }
      }
    }
  }
  return refs.sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : 0))
}

/** Ollama's short name: the default registry and `library` namespace are left out. */
export function modelName(registry: string, namespace: string, model: string, tag: string): string {
  if (registry === DEFAULT_REGISTRY) return namespace === DEFAULT_NAMESPACE ? `${model}:${tag}` : `${namespace}/${model}:${tag}`
  return `${registry}/${namespace}/${model}:${tag}`
}

async function entries(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true })
  } catch {
    return [] // missing store, or not readable by this user: nothing to list
  }
}

async function subdirs(dir: string): Promise<string[]> {
  return (await entries(dir)).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name)
}

async function inspectModel(modelsDir: string, ref: ManifestRef): Promise<OllamaBaseModel> {
  const entry: OllamaBaseModel = {
    model: ref.model,
    manifestPath: ref.path,
    modelsDir,
    blobPath: null,
    digest: null,
    sizeBytes: null,
    fileType: null,
    architecture: null,
    layers: null,
    contextLength: null,
    parameterCount: null,
    chatTemplate: null,
    template: null,
    system: null,
    params: null,
    stop: [],
    trainable: false,
  }
  let layers: ManifestLayer[]
  try {
    layers = parseManifest(await readFile(ref.path, 'utf8'))
  } catch (error) {
    return { ...entry, reason: `El manifiesto de Ollama no se pudo leer (${message(error)}).` }
  }

  entry.template = await readTextLayer(modelsDir, layers, OLLAMA_MEDIA_TYPES.template)
  entry.system = await readTextLayer(modelsDir, layers, OLLAMA_MEDIA_TYPES.system)
  entry.params = parseParams(await readTextLayer(modelsDir, layers, OLLAMA_MEDIA_TYPES.params))
  entry.stop = stopList(entry.params)

  const modelLayer = layers.find((layer) => layer.mediaType === OLLAMA_MEDIA_TYPES.model)
  if (!modelLayer) return { ...entry, reason: 'El modelo no tiene una capa GGUF (application/vnd.ollama.image.model).' }
  const blobPath = blobPathFor(modelsDir, modelLayer.digest)
  entry.digest = modelLayer.digest
  if (!blobPath) return { ...entry, reason: `El manifiesto tiene un digest inválido: ${JSON.stringify(modelLayer.digest)}.` }
  entry.blobPath = blobPath

  try {
    entry.sizeBytes = (await stat(blobPath)).size
  } catch {
    return { ...entry, reason: 'Falta el archivo del modelo en blobs/ (¿descarga incompleta o borrada?).' }
  }
  if (modelLayer.size !== null && modelLayer.size !== entry.sizeBytes) {
    return { ...entry, reason: `El archivo del modelo mide ${entry.sizeBytes} bytes y el manifiesto dice ${modelLayer.size} (¿descarga incompleta?).` }
  }

  try {
    const header = await readGgufHeader(blobPath)
    const described = describeModel(header)
    entry.fileType = described.fileType
    entry.architecture = described.architecture
    entry.layers = described.layers
    entry.contextLength = described.contextLength
    entry.parameterCount = described.parameterCount
    entry.chatTemplate = described.chatTemplate
  } catch (error) {
    return { ...entry, reason: ggufReason(error) }
  }

  if (layers.some((layer) => layer.mediaType === OLLAMA_MEDIA_TYPES.adapter)) {
    return { ...entry, reason: 'Este modelo ya trae un adaptador LoRA encima; entrena sobre su modelo base.' }
  }
  if (!entry.fileType || !TRAINABLE_FILE_TYPES.has(entry.fileType)) {
    return {
      ...entry,
      reason: `Está cuantizado (${entry.fileType ?? 'tipo desconocido'}): para entrenar hace falta la versión F16, BF16 o F32 (en Ollama, las etiquetas que terminan en -fp16).`,
    }
  }
  return { ...entry, trainable: true }
}

function parseManifest(text: string): ManifestLayer[] {
  const parsed: unknown = JSON.parse(text)
  const layers = (parsed as { layers?: unknown } | null)?.layers
  if (!Array.isArray(layers)) throw new Error('no "layers" list')
  return (layers as unknown[]).flatMap((layer) => {
    const { mediaType, digest, size } = (layer ?? {}) as { mediaType?: unknown; digest?: unknown; size?: unknown }
    if (typeof mediaType !== 'string' || typeof digest !== 'string') return []
    return [{ mediaType, digest, size: typeof size === 'number' ? size : null }]
  })
}

/** sha256:<64 hex> → blobs/sha256-<hex>; anything else is refused, so a manifest cannot point outside blobs/. */
export function blobPathFor(modelsDir: string, digest: string): string | null {
  const match = /^sha256[:-]([0-9a-f]{64})$/.exec(digest)
  return match ? join(modelsDir, 'blobs', `sha256-${match[1]}`) : null
}

async function readTextLayer(modelsDir: string, layers: readonly ManifestLayer[], mediaType: string): Promise<string | null> {
  const layer = layers.find((candidate) => candidate.mediaType === mediaType)
  const path = layer ? blobPathFor(modelsDir, layer.digest) : null
  if (!path) return null
  try {
    const handle = await open(path, 'r')
    try {
      const { size } = await handle.stat()
      if (size > MAX_TEXT_LAYER) return null
      return (await handle.readFile('utf8')) || null
    } finally {
      await handle.close()
    }
  } catch {
    return null // a missing template only means the deploy step falls back to the GGUF's
  }
}

function parseParams(text: string | null): Record<string, unknown> | null {
  if (!text) return null
  try {
    const parsed: unknown = JSON.parse(text)
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function stopList(params: Record<string, unknown> | null): string[] {
  const stop = params?.stop
  if (typeof stop === 'string') return [stop]
  return Array.isArray(stop) ? stop.filter((item): item is string => typeof item === 'string') : []
}

function ggufReason(error: unknown): string {
  if (error instanceof GgufError) {
    const detail = error.message
    switch (error.code) {
      case 'not-gguf':
        return `El archivo del modelo no es GGUF (${detail}).`
      case 'unsupported-version':
        return `Versión de GGUF no soportada (${detail}).`
      case 'truncated':
        return `El archivo del modelo está incompleto (${detail}).`
      case 'corrupt':
        return `El archivo del modelo está dañado (${detail}).`
    }
  }
  return `No se pudo leer el archivo del modelo (${message(error)}).`
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
