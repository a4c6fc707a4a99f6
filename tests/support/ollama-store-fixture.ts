import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Puts a GGUF into an Ollama model store on disk, laid out as Ollama writes it
 * (`manifests/registry.ollama.ai/library/<model>/<tag>` → `blobs/sha256-<hex>`), so that the app
 * finds it as an installed model.
 */
export function addToOllamaStore(store: string, model: string, tag: string, gguf: string): string {
  mkdirSync(join(store, 'blobs'), { recursive: true })
  const bytes = readFileSync(gguf)
  const hex = createHash('sha256').update(bytes).digest('hex')
  const blob = join(store, 'blobs', `sha256-${hex}`)
  copyFileSync(gguf, blob)
  const manifestDir = join(store, 'manifests', 'registry.ollama.ai', 'library', model)
  mkdirSync(manifestDir, { recursive: true })
  const layers = [{ mediaType: 'application/vnd.ollama.image.model', digest: `sha256:${hex}`, size: bytes.length }]
  writeFileSync(join(manifestDir, tag), JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.docker.distribution.manifest.v2+json', layers }))
  return blob
}
