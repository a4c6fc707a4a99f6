// The Whisper model files the app can download and use: whisper.cpp's official ggml
// conversions on huggingface.co/ggerganov/whisper.cpp. Multilingual only (the `.en` files cannot
// hear Spanish). Sizes and SHA-1 sums as whisper.cpp's models/README.md lists them.
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { VoiceModelId } from '../../shared/setup'
import { withoutTrailingSlashes } from '../../shared/url'

export type WhisperModelId = VoiceModelId

export interface WhisperModelInfo {
  id: WhisperModelId
  /** What the owner reads. */
  label: string
  file: string
  url: string
  /** Download size (bytes), for the progress bar before the server says and for the disk check. */
  bytes: number
  sha1: string
  /** Resident memory while transcribing (whisper.cpp's own table, rounded up): an estimate. */
  memoryBytes: number
}

const BASE_URL = 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main'

function model(id: WhisperModelId, label: string, bytes: number, sha1: string, memoryBytes: number): WhisperModelInfo {
  return { id, label, file: `ggml-${id}.bin`, url: `${BASE_URL}/ggml-${id}.bin`, bytes, sha1, memoryBytes }
}

/** Smallest first. */
export const WHISPER_MODELS: readonly WhisperModelInfo[] = [
  model('tiny', 'Muy liviano (75 MB): entiende lo básico', 77_691_713, 'bd577a113a864445d4c299885e0cb97d4ba92b5f', 273 * 1024 ** 2),
  model('base', 'Liviano (142 MB): bueno para notas de voz claras', 147_951_465, '465707469ff3a37a2b9b8d8f89f2f99de7299dac', 388 * 1024 ** 2),
  model('small', 'Preciso (466 MB): entiende mejor, tarda más', 487_601_967, '55356645c2b361a969dfd0ef2c5a50d530afd8d5', 852 * 1024 ** 2),
]

/**
 * The same files from another host: AUTODIDACTA_WHISPER_MODELS_URL names a mirror (a shop's own
 * server; the tests' closed port, so a test app never downloads). The checksums stay whisper.cpp's.
 */
export function whisperModelsAt(baseUrl: string | undefined): readonly WhisperModelInfo[] {
  const base = baseUrl === undefined ? undefined : withoutTrailingSlashes(baseUrl.trim())
  return base ? WHISPER_MODELS.map((m) => ({ ...m, url: `${base}/${m.file}` })) : WHISPER_MODELS
}

/** The folder of the data folder that holds downloaded speech models. */
export function whisperModelsDir(dataDir: string): string {
  return join(dataDir, 'models', 'whisper')
}

/**
 * Which size suits this computer, by the plan's rules (docs/model-plan.md): `small` hears Spanish
 * noticeably better but costs about three times the CPU of `base`; on fewer than 4 cores or under
 * 8 GB a one-minute note would keep the computer busy for about a minute, so `base` there.
 */
export function recommendedWhisperModel(hardware: { totalMemoryBytes: number; cpuCores: number }): WhisperModelId {
  const gib = hardware.totalMemoryBytes / 1024 ** 3
  if (gib >= 7.5 && hardware.cpuCores >= 4) return 'small'
  if (gib >= 3) return 'base'
  return 'tiny'
}

/**
 * The installed model the transcriber uses: the preferred one when present, else the largest
 * installed (an owner who downloaded `small` keeps it even on a smaller plan). Partial downloads
 * (`.part`) never count.
 */
export function installedWhisperModel(dir: string, preferred?: WhisperModelId | null): { info: WhisperModelInfo; path: string } | null {
  const present = WHISPER_MODELS.filter((m) => isFile(join(dir, m.file)))
  const chosen = present.find((m) => m.id === preferred) ?? present.at(-1)
  return chosen ? { info: chosen, path: join(dir, chosen.file) } : null
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile() && statSync(path).size > 0
  } catch {
    return false
  }
}
