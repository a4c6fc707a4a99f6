import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser } from 'playwright'
import { browserCandidates } from '../../scripts/ensure-browser.mjs'

export const SCREENSHOT_DIR = resolve('test-results', 'screenshots')

/**
 * The same browsers `npm test` makes sure of before vitest starts (scripts/ensure-browser.mjs):
 * CHROMIUM_PATH, the system's Chromium or Chrome, or Playwright's own download.
 */
export function chromiumPath(): string {
  const candidates = browserCandidates(process.env, chromium.executablePath())
  const found = candidates.find((c) => existsSync(c.path))
  if (!found) {
    throw new Error(`No Chromium found (tried ${candidates.map((c) => c.path).join(', ')}): run node scripts/ensure-browser.mjs, or set CHROMIUM_PATH`)
  }
  return found.path
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  })
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return join(SCREENSHOT_DIR, `${name}.png`)
}
