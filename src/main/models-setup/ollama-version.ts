// The oldest Ollama the app works with, written once. It is the newest of the versions that
// brought what the app uses (docs/model-plan.md keeps the same table):
//
//   POST /api/chat (streamed NDJSON), GET /api/tags, POST /api/show, DELETE /api/delete,
//   POST /api/pull (streamed), HEAD/POST /api/blobs, GET /api/version   — the 0.1.x series
//   GET /api/ps (`size_vram` of loaded models)                         — 0.1.38
//   POST /api/embed (several inputs per call)                         — 0.3.x
//   POST /api/create with `from`/`files`/`adapters`/`template`/`parameters` as JSON
//     (how a fine-tune is deployed; the older Modelfile form was removed) — 0.5.5
//
// An older server answers chats but refuses to take the fine-tunes the app trains.

export const MINIMUM_OLLAMA_VERSION = '0.5.5'

/** "0.12.6", "v0.5.5-rc1" → [0, 12, 6]; null when it is not a version (dev builds say "0.0.0"). */
export function parseVersion(text: string | null | undefined): [number, number, number] | null {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text?.trim() ?? '')
  if (!match) return null
  const parts: [number, number, number] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)]
  // A source build reports 0.0.0: whoever built it knows what it is; it is not "too old".
  return parts.every((part) => part === 0) ? null : parts
}

/** Older than the minimum; an unknown version (a dev build) is given the benefit of the doubt. */
export function isTooOld(version: string | null | undefined, minimum: string = MINIMUM_OLLAMA_VERSION): boolean {
  const have = parseVersion(version)
  const need = parseVersion(minimum)
  if (!have || !need) return false
  for (let i = 0; i < 3; i++) {
    if (have[i]! !== need[i]!) return have[i]! < need[i]!
  }
  return false
}
