import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(import.meta.url)

/**
 * Finds `relative` in the nearest folder above the running file. The same lookup works from
 * the sources (`src/main/...` under tsx) and from a build (`out/main/*.js`).
 */
export function findUp(relative: string, from: string = here): string | null {
  let dir = dirname(from)
  for (;;) {
    const candidate = join(dir, relative)
    if (existsSync(candidate)) return candidate
    const parent = dirname(dir)
    if (parent === dir) return null
    dir = parent
  }
}

export function findMigrationsDir(): string {
  const journal = findUp(join('drizzle', 'meta', '_journal.json'))
  if (!journal) throw new Error('No drizzle/ migrations folder found above the running code')
  return dirname(dirname(journal))
}

export function findRendererDir(): string | null {
  const index = findUp(join('out', 'renderer', 'index.html'))
  return index ? dirname(index) : null
}

export function readPackageVersion(): string {
  const file = findUp('package.json')
  if (!file) return '0.0.0'
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { version?: string }
  return pkg.version ?? '0.0.0'
}
