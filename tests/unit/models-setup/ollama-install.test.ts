import { describe, expect, it } from 'vitest'
import { describeInstall, findOllamaProgram, isLocalHost, OLLAMA_DOWNLOAD_URLS } from '../../../src/main/models-setup/ollama-install'
import { isTooOld, MINIMUM_OLLAMA_VERSION, parseVersion } from '../../../src/main/models-setup/ollama-version'
import type { Machine } from '../../../src/main/models-setup/machine'
import { fakeMachine } from './fake-machine'
import { spanishText } from '../../support/spanish-text'

const LOCAL = 'http://127.0.0.1:11434'
const silent = (machine: Machine, host = LOCAL) => describeInstall({ machine, host, version: null, answered: false, tooOld: false })

describe('finding Ollama on each OS', () => {
  it('Windows: the per-user install, started through its tray app', () => {
    const dir = 'C:\\Users\\Ana\\AppData\\Local\\Programs\\Ollama'
    const machine = fakeMachine({
      platform: 'win32',
      home: 'C:\\Users\\Ana',
      env: { LOCALAPPDATA: 'C:\\Users\\Ana\\AppData\\Local' },
      files: [`${dir}\\ollama.exe`, `${dir}\\ollama app.exe`],
    })
    const state = silent(machine)
    expect(state).toMatchObject({ state: 'installed', os: 'windows', installPath: `${dir}\\ollama.exe`, canStart: true, downloadUrl: 'https://ollama.com/download/windows' })
    expect(state.instructions.join(' ')).toMatch(/menú Inicio/)
    expect(findOllamaProgram(machine)!.start).toEqual({ command: `${dir}\\ollama app.exe`, args: [], detached: true })
  })

  it('Windows: ollama.exe found only on PATH is started with `serve`', () => {
    const machine = fakeMachine({ platform: 'win32', home: 'C:\\Users\\Ana', env: { Path: 'C:\\Windows;D:\\Herramientas\\Ollama' }, files: ['D:\\Herramientas\\Ollama\\ollama.exe'] })
    expect(findOllamaProgram(machine)).toEqual({ path: 'D:\\Herramientas\\Ollama\\ollama.exe', start: { command: 'D:\\Herramientas\\Ollama\\ollama.exe', args: ['serve'], detached: true } })
  })

  it('macOS: the app in Aplicaciones is opened; a Homebrew install is served', () => {
    const app = fakeMachine({ platform: 'darwin', home: '/Users/ana', files: ['/Applications/Ollama.app'] })
    const state = silent(app)
    expect(state).toMatchObject({ state: 'installed', os: 'mac', installPath: '/Applications/Ollama.app', canStart: true, downloadUrl: 'https://ollama.com/download/mac' })
    expect(state.instructions.join(' ')).toMatch(/Aplicaciones/)
    expect(findOllamaProgram(app)!.start).toEqual({ command: 'open', args: ['-a', '/Applications/Ollama.app'], detached: true })
    const brew = fakeMachine({ platform: 'darwin', home: '/Users/ana', files: ['/opt/homebrew/bin/ollama'] })
    expect(findOllamaProgram(brew)!.start).toEqual({ command: '/opt/homebrew/bin/ollama', args: ['serve'], detached: true })
  })

  it('Linux: the install script’s binary, or one on PATH, started with `ollama serve`', () => {
    const script = fakeMachine({ files: ['/usr/local/bin/ollama'] })
    expect(silent(script)).toMatchObject({ state: 'installed', os: 'linux', installPath: '/usr/local/bin/ollama', canStart: true, downloadUrl: 'https://ollama.com/download/linux' })
    expect(findOllamaProgram(script)!.start).toEqual({ command: '/usr/local/bin/ollama', args: ['serve'], detached: true })
    const onPath = fakeMachine({ env: { PATH: '/usr/bin:/home/tienda/bin' }, files: ['/home/tienda/bin/ollama'] })
    expect(findOllamaProgram(onPath)!.path).toBe('/home/tienda/bin/ollama')
  })

  it.each([
    ['win32', 'windows', /OllamaSetup\.exe/],
    ['darwin', 'mac', /Aplicaciones/],
    ['linux', 'linux', /Linux/],
  ] as const)('%s without Ollama: not installed, with the download page and steps for that OS', (platform, os, step) => {
    const state = silent(fakeMachine({ platform, home: platform === 'win32' ? 'C:\\Users\\Ana' : '/home/ana' }))
    expect(state).toMatchObject({ state: 'not_installed', os, downloadUrl: OLLAMA_DOWNLOAD_URLS[os], installPath: null, canStart: false, version: null })
    expect(state.instructions.join(' ')).toMatch(step)
    expect(state.instructions.join(' ')).toMatch(/«Abrir la página de descarga»/)
  })

  it('running, too old and a dev build, from what /api/version said', () => {
    const machine = fakeMachine({ files: ['/usr/local/bin/ollama'] })
    const running = describeInstall({ machine, host: LOCAL, version: '0.12.6', answered: true, tooOld: isTooOld('0.12.6') })
    expect(running).toMatchObject({ state: 'running', version: '0.12.6', instructions: [], installPath: null, canStart: false })
    const old = describeInstall({ machine, host: LOCAL, version: '0.5.4', answered: true, tooOld: isTooOld('0.5.4') })
    expect(old).toMatchObject({ state: 'too_old', version: '0.5.4', minimumVersion: MINIMUM_OLLAMA_VERSION })
    expect(old.instructions.join(' ')).toContain('0.5.4')
    expect(old.instructions.join(' ')).toContain(MINIMUM_OLLAMA_VERSION)
    expect(isTooOld('0.0.0')).toBe(false)
  })

  it('an address on another computer that does not answer is remote: nothing to install here', () => {
    const machine = fakeMachine({ files: ['/usr/local/bin/ollama'] })
    const state = silent(machine, 'http://192.168.1.77:11434')
    expect(state).toMatchObject({ state: 'remote', canStart: false, installPath: null })
    expect(state.instructions.join(' ')).toContain('192.168.1.77')
    // This computer's own name and address are local.
    expect(isLocalHost('http://tienda-pc:11434', machine)).toBe(true)
    expect(isLocalHost('http://192.168.1.20:11434', machine)).toBe(true)
    expect(isLocalHost('http://localhost:11434', machine)).toBe(true)
    expect(isLocalHost('http://[::1]:11434', machine)).toBe(true)
  })
})

describe('the buttons the steps name', () => {
  // What OllamaHelp shows for a state: the download page for a missing or old Ollama, the start
  // button when the app can start it, «Reintentar» always. A step that says «Pulsa X» for a
  // button the screen does not have leaves the owner looking for it.
  function buttonsShown(state: ReturnType<typeof silent>): string[] {
    return [
      ...(state.state === 'not_installed' || state.state === 'too_old' ? [spanishText('setup.ollama.download')] : []),
      ...(state.state === 'installed' && state.canStart ? [spanishText('setup.ollama.start')] : []),
      spanishText('setup.ollama.retry'),
    ]
  }
  /** Ollama's own labels and a search word: things the owner sees outside this app. */
  const OUTSIDE_THE_APP = ['Install', 'Restart to update', 'Ollama']

  it.each([
    ['win32', 'C:\\Users\\Ana\\AppData\\Local\\Programs\\Ollama\\ollama.exe'],
    ['darwin', '/Applications/Ollama.app'],
    ['linux', '/usr/local/bin/ollama'],
  ] as const)('%s: every «button» a step names is on the screen for that state', (platform, program) => {
    const home = platform === 'win32' ? 'C:\\Users\\Ana' : '/home/ana'
    const env = platform === 'win32' ? { LOCALAPPDATA: 'C:\\Users\\Ana\\AppData\\Local' } : {}
    const states = [
      silent(fakeMachine({ platform, home, env })),
      silent(fakeMachine({ platform, home, env, files: [program] })),
      describeInstall({ machine: fakeMachine({ platform, home, env }), host: LOCAL, version: '0.5.4', answered: true, tooOld: true }),
      silent(fakeMachine({ platform, home, env }), 'http://192.168.1.77:11434'),
    ]
    expect(states.map((s) => s.state)).toEqual(['not_installed', 'installed', 'too_old', 'remote'])
    for (const state of states) {
      const named = [...state.instructions.join('\n').matchAll(/«([^»]+)»/g)].map((match) => match[1]!)
      const shown = buttonsShown(state)
      for (const name of named.filter((n) => !OUTSIDE_THE_APP.includes(n))) {
        expect(shown, `${platform} ${state.state}: «${name}»`).toContain(name)
      }
    }
  })
})

describe('the minimum version', () => {
  it('compares numerically and tolerates prefixes and suffixes', () => {
    expect(parseVersion('v0.5.5-rc1')).toEqual([0, 5, 5])
    expect(isTooOld('0.5.4')).toBe(true)
    expect(isTooOld('0.5.5')).toBe(false)
    expect(isTooOld('0.10.0')).toBe(false)
    expect(isTooOld('0.4.12')).toBe(true)
    expect(isTooOld('1.0')).toBe(false)
    expect(isTooOld('nonsense')).toBe(false)
  })
})
