import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * One Spanish UI text, read from the renderer's catalog as a file: core-side tests (compiled
 * without the renderer) check that what the core tells the owner names the buttons the screens
 * really show.
 */
export function spanishText(key: string): string {
  const source = readFileSync(resolve('src/renderer/src/i18n/es.ts'), 'utf8')
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(`^\\s*'${escaped}':\\s*'((?:[^'\\\\]|\\\\.)*)',?\\s*$`, 'm').exec(source)
  if (!match) throw new Error(`No Spanish text «${key}» on one line in es.ts`)
  return match[1]!.replace(/\\'/g, "'")
}
