#!/usr/bin/env node
// Makes sure `npm test` has a Chromium to drive the UI with, before vitest starts.
//
//   node scripts/ensure-browser.mjs
//
// 1. A browser already here: CHROMIUM_PATH, the system's Chromium/Chrome, or Playwright's own
//    download (tests/support/browser.ts takes the same list). Nothing else happens: no network.
// 2. Else Playwright's own download (`npx playwright install chromium`), where the network
//    reaches its download host.
// 3. Else, as root on Debian/Ubuntu, the system package (`apt-get install -y chromium
//    fonts-noto-color-emoji`, after `apt-get update` when apt does not know the package yet).
// 4. Else it stops, printing the one command that would fix it.
//
// The decision is `ensureBrowser(probes)`: everything it looks at or runs comes in through
// `probes`, so tests/unit/ensure-browser.test.ts checks every path without installing anything.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

/** Where Debian, Ubuntu and Google put their browsers (Linux, then macOS). */
export const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
]

/** The emoji font only makes screenshots faithful; no test depends on it. */
export const APT_PACKAGES = ['chromium', 'fonts-noto-color-emoji']

/**
 * The browsers the tests may use, in order of preference: the one the user named, the system's,
 * Playwright's own download (`playwrightPath`: where `npx playwright install chromium` puts it).
 */
export function browserCandidates(env, playwrightPath) {
  return [
    ...(env.CHROMIUM_PATH ? [{ path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' }] : []),
    ...SYSTEM_CHROMIUMS.map((path) => ({ path, source: 'system' })),
    ...(playwrightPath ? [{ path: playwrightPath, source: 'playwright' }] : []),
  ]
}

/** Debian, Ubuntu and their derivatives, from /etc/os-release's ID and ID_LIKE. */
export function isDebianLike(osRelease) {
  if (!osRelease) return false
  const ids = osRelease
    .split('\n')
    .filter((line) => /^(ID|ID_LIKE)=/.test(line))
    .flatMap((line) => line.slice(line.indexOf('=') + 1).replace(/"/g, '').split(/\s+/))
  return ids.some((id) => id === 'debian' || id === 'ubuntu')
}

/**
 * @param {import('./ensure-browser.d.mts').BrowserProbes} probes
 * @returns {Promise<import('./ensure-browser.d.mts').BrowserOutcome>}
 */
export async function ensureBrowser(probes) {
  const { env, exists, log } = probes
  // Playwright is asked last and only when needed: loading it costs about a second.
  const find = async () => {
    const named = browserCandidates(env, null).find((c) => exists(c.path))
    if (named) return named
    const playwright = await probes.playwrightPath()
    return playwright && exists(playwright) ? { path: playwright, source: 'playwright' } : null
  }
  // A path the user named is what they want: installing another browser behind their back would hide the typo.
  if (env.CHROMIUM_PATH && !exists(env.CHROMIUM_PATH)) {
    return { ok: false, reason: `CHROMIUM_PATH points at ${env.CHROMIUM_PATH}, which does not exist.`, command: 'unset CHROMIUM_PATH' }
  }
  const present = await find()
  if (present) return { ok: true, path: present.path, source: present.source, installed: null }

  const debian = probes.platform === 'linux' && isDebianLike(probes.osRelease())
  const aptAsRoot = debian && probes.isRoot

  log('No Chromium found: trying Playwright’s own download (npx playwright install chromium)…')
  if ((await probes.run('npx', ['playwright', 'install', 'chromium'])) === 0) {
    // Playwright's browser needs the system's shared libraries, which only apt (as root) can add.
    if (aptAsRoot) await probes.run('npx', ['playwright', 'install-deps', 'chromium'])
    const downloaded = await find()
    if (downloaded) return { ok: true, path: downloaded.path, source: downloaded.source, installed: 'playwright' }
  }

  if (aptAsRoot) {
    log(`Playwright’s download is not reachable: installing the system package (apt-get install -y ${APT_PACKAGES.join(' ')})…`)
    if ((await probes.run('apt-cache', ['show', APT_PACKAGES[0]], { quiet: true })) !== 0) await probes.run('apt-get', ['update'])
    if ((await probes.run('apt-get', ['install', '-y', ...APT_PACKAGES], { env: { DEBIAN_FRONTEND: 'noninteractive' } })) === 0) {
      const installed = await find()
      if (installed) return { ok: true, path: installed.path, source: installed.source, installed: 'apt' }
    }
  }

  // Ubuntu's apt has no real `chromium` (only a snap shim): there, and off Debian, Playwright's download is the way.
  const aptHasChromium = debian && (await probes.run('apt-cache', ['show', APT_PACKAGES[0]], { quiet: true })) === 0
  const command = aptHasChromium ? `${probes.isRoot ? '' : 'sudo '}apt-get install -y ${APT_PACKAGES.join(' ')}` : 'npx playwright install --with-deps chromium'
  return { ok: false, reason: 'The browser tests need Chromium and none could be installed from here.', command }
}

/** Playwright's own browser path, without launching anything (null when Playwright is not installed). */
async function playwrightChromiumPath() {
  try {
    const { chromium } = await import('playwright')
    return chromium.executablePath()
  } catch {
    return null
  }
}

async function main() {
  const outcome = await ensureBrowser({
    env: process.env,
    platform: process.platform,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    exists: existsSync,
    playwrightPath: playwrightChromiumPath,
    osRelease: () => {
      try {
        return readFileSync('/etc/os-release', 'utf8')
      } catch {
        return null
      }
    },
    run: (command, args, options = {}) => {
      const result = spawnSync(command, args, {
        stdio: options.quiet ? 'ignore' : 'inherit',
        env: { ...process.env, ...options.env },
        // npx is npx.cmd on Windows
        shell: process.platform === 'win32',
      })
      return Promise.resolve(result.status ?? 1)
    },
    log: (line) => process.stderr.write(`[ensure-browser] ${line}\n`),
  })
  if (outcome.ok) {
    if (outcome.installed) process.stderr.write(`[ensure-browser] Chromium ready: ${outcome.path}\n`)
    return
  }
  process.stderr.write(`[ensure-browser] ${outcome.reason}\nRun this, then npm test again:\n\n    ${outcome.command}\n\n`)
  process.exit(1)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
