import { describe, expect, it } from 'vitest'
import { ensureBrowser, isDebianLike, type BrowserProbes } from '../../scripts/ensure-browser.mjs'

const PLAYWRIGHT_CHROME = '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome'
const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n'
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n'

interface Machine {
  files?: string[]
  env?: Record<string, string>
  platform?: string
  isRoot?: boolean
  osRelease?: string | null
  /** What a command does on this machine: its exit status, and the files it leaves. */
  commands?: Record<string, { status: number; creates?: string[] }>
}

/** A machine made of probes: files that exist, commands that succeed or fail, and a record of what ran. */
function machine(spec: Machine) {
  const files = new Set(spec.files ?? [])
  const ran: string[] = []
  let playwrightAsked = 0
  const probes: BrowserProbes = {
    env: spec.env ?? {},
    platform: spec.platform ?? 'linux',
    isRoot: spec.isRoot ?? false,
    exists: (path) => files.has(path),
    playwrightPath: () => {
      playwrightAsked++
      return Promise.resolve(PLAYWRIGHT_CHROME)
    },
    osRelease: () => (spec.osRelease === undefined ? DEBIAN : spec.osRelease),
    run: (command, args) => {
      const line = [command, ...args].join(' ')
      ran.push(line)
      const outcome = spec.commands?.[line] ?? { status: 1 }
      for (const file of outcome.creates ?? []) files.add(file)
      return Promise.resolve(outcome.status)
    },
    log: () => {},
  }
  return { probes, ran, playwrightAsked: () => playwrightAsked }
}

describe('npm test gets its own browser (scripts/ensure-browser.mjs)', () => {
  it('a system Chromium is used as it is: nothing runs, Playwright is not even asked', async () => {
    const m = machine({ files: ['/usr/bin/chromium'] })
    expect(await ensureBrowser(m.probes)).toEqual({ ok: true, path: '/usr/bin/chromium', source: 'system', installed: null })
    expect(m.ran).toEqual([])
    expect(m.playwrightAsked()).toBe(0)
  })

  it('CHROMIUM_PATH wins over the system browser; a CHROMIUM_PATH that does not exist stops without installing anything', async () => {
    const named = machine({ files: ['/usr/bin/chromium', '/opt/chrome/chrome'], env: { CHROMIUM_PATH: '/opt/chrome/chrome' } })
    expect(await ensureBrowser(named.probes)).toMatchObject({ ok: true, path: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' })
    const typo = machine({ files: ['/usr/bin/chromium'], env: { CHROMIUM_PATH: '/opt/chrome/chrom' }, isRoot: true })
    expect(await ensureBrowser(typo.probes)).toMatchObject({ ok: false, command: 'unset CHROMIUM_PATH' })
    expect(typo.ran).toEqual([])
  })

  it('Playwright’s own browser, downloaded before, is enough', async () => {
    const m = machine({ files: [PLAYWRIGHT_CHROME] })
    expect(await ensureBrowser(m.probes)).toEqual({ ok: true, path: PLAYWRIGHT_CHROME, source: 'playwright', installed: null })
    expect(m.ran).toEqual([])
  })

  it('no browser: Playwright’s download first; as root on Debian its system libraries too', async () => {
    const root = machine({ isRoot: true, commands: { 'npx playwright install chromium': { status: 0, creates: [PLAYWRIGHT_CHROME] }, 'npx playwright install-deps chromium': { status: 0 } } })
    expect(await ensureBrowser(root.probes)).toEqual({ ok: true, path: PLAYWRIGHT_CHROME, source: 'playwright', installed: 'playwright' })
    expect(root.ran).toEqual(['npx playwright install chromium', 'npx playwright install-deps chromium'])

    const user = machine({ commands: { 'npx playwright install chromium': { status: 0, creates: [PLAYWRIGHT_CHROME] } } })
    expect(await ensureBrowser(user.probes)).toMatchObject({ ok: true, installed: 'playwright' })
    expect(user.ran).toEqual(['npx playwright install chromium'])
  })

  it('download host unreachable, root on Debian: apt-get update when apt does not know chromium, then the system package', async () => {
    const m = machine({
      isRoot: true,
      commands: {
        'apt-get update': { status: 0 },
        'apt-get install -y chromium fonts-noto-color-emoji': { status: 0, creates: ['/usr/bin/chromium'] },
      },
    })
    expect(await ensureBrowser(m.probes)).toEqual({ ok: true, path: '/usr/bin/chromium', source: 'system', installed: 'apt' })
    expect(m.ran).toEqual(['npx playwright install chromium', 'apt-cache show chromium', 'apt-get update', 'apt-get install -y chromium fonts-noto-color-emoji'])
  })

  it('apt already knows the package: no apt-get update', async () => {
    const m = machine({
      isRoot: true,
      commands: { 'apt-cache show chromium': { status: 0 }, 'apt-get install -y chromium fonts-noto-color-emoji': { status: 0, creates: ['/usr/bin/chromium'] } },
    })
    expect(await ensureBrowser(m.probes)).toMatchObject({ ok: true, installed: 'apt' })
    expect(m.ran).not.toContain('apt-get update')
  })

  it('not root on Debian: stops with the one apt command to run (with sudo), installing nothing', async () => {
    const m = machine({ commands: { 'apt-cache show chromium': { status: 0 } } })
    expect(await ensureBrowser(m.probes)).toEqual({
      ok: false,
      reason: expect.any(String),
      command: 'sudo apt-get install -y chromium fonts-noto-color-emoji',
    })
    expect(m.ran.filter((line) => line.startsWith('apt-get'))).toEqual([])
  })

  it('root on Ubuntu, whose apt has no real chromium: tries, then points at Playwright’s download with its libraries', async () => {
    const m = machine({ isRoot: true, osRelease: UBUNTU, commands: { 'apt-get update': { status: 0 } } })
    expect(await ensureBrowser(m.probes)).toMatchObject({ ok: false, command: 'npx playwright install --with-deps chromium' })
    expect(m.ran).toContain('apt-get install -y chromium fonts-noto-color-emoji')
  })

  it('macOS or Windows: no apt; stops with Playwright’s command', async () => {
    for (const platform of ['darwin', 'win32']) {
      const m = machine({ platform, isRoot: true, osRelease: null })
      expect(await ensureBrowser(m.probes)).toMatchObject({ ok: false, command: 'npx playwright install --with-deps chromium' })
      expect(m.ran).toEqual(['npx playwright install chromium'])
    }
  })

  it('knows Debian and Ubuntu and their derivatives from os-release', () => {
    expect(isDebianLike(DEBIAN)).toBe(true)
    expect(isDebianLike(UBUNTU)).toBe(true)
    expect(isDebianLike('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe(true)
    expect(isDebianLike('ID="fedora"\n')).toBe(false)
    expect(isDebianLike('ID=arch\n')).toBe(false)
    expect(isDebianLike(null)).toBe(false)
  })
})
