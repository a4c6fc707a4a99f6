// Where whisper.cpp's command-line transcriber is: built from source by
// `npm run build:whisper` (scripts/build-whisper.mjs) into .cache/whisper-cpp/bin, and copied
// by electron-builder into the desktop package's resources (package.json → extraResources).
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { findUp } from '../kernel/project-paths'

/** The folder under the package's resources that holds whisper-cli. */
export const WHISPER_BIN_RESOURCE = 'whisper-bin'
const EXE = process.platform === 'win32' ? '.exe' : ''
export const WHISPER_CLI_NAME = `whisper-cli${EXE}`

export interface FindWhisperCliOptions {
  env?: Record<string, string | undefined>
  /** The installed app's resources folder (Electron's `process.resourcesPath`). */
  resourcesDir?: string | null
  /** Whether to look for the development build cache above the running code (off in an installed app). */
  buildCache?: boolean
  /** Where the build-cache search starts (tests point it elsewhere). */
  searchFrom?: string
}

/** AUTODIDACTA_WHISPER_BIN, then the package's resources, then the build cache; null when none has it. */
export function findWhisperCli(options: FindWhisperCliOptions = {}): string | null {
  const candidates = [
    options.env?.AUTODIDACTA_WHISPER_BIN,
    options.resourcesDir ? join(options.resourcesDir, WHISPER_BIN_RESOURCE) : null,
    (options.buildCache ?? true) ? findUp(join('.cache', 'whisper-cpp', 'bin'), options.searchFrom) : null,
  ]
  for (const dir of candidates) {
    if (!dir) continue
    const path = join(dir, WHISPER_CLI_NAME)
    if (existsSync(path) && statSync(path).isFile()) return path
  }
  return null
}
