// Where Ollama's installers put the program on each OS, how to start it, and what to tell the
// owner in each state. Pure given a Machine: the tests play every OS on one computer.
import { posix, win32 } from 'node:path'
import type { HostOs, OllamaInstallDto, OllamaInstallState } from '../../shared/setup'
import { hostOs, type Machine, type SpawnRequest } from './machine'
import { MINIMUM_OLLAMA_VERSION } from './ollama-version'

/** The official download page for each OS (https only: `app.openExternal` opens nothing else). */
export const OLLAMA_DOWNLOAD_URLS: Record<HostOs, string> = {
  windows: 'https://ollama.com/download/windows',
  mac: 'https://ollama.com/download/mac',
  linux: 'https://ollama.com/download/linux',
}

export interface OllamaProgram {
  /** The file that was found (ollama.exe, Ollama.app, the `ollama` binary). */
  path: string
  /** How to start it so that it serves the API; null when the app cannot start it itself. */
  start: SpawnRequest | null
}

/** The Ollama program on this computer, from the installers' places first, then PATH. */
export function findOllamaProgram(machine: Machine): OllamaProgram | null {
  const os = hostOs(machine.platform)
  if (os === 'windows') return findOnWindows(machine)
  if (os === 'mac') return findOnMac(machine)
  return findOnLinux(machine)
}

function findOnWindows(machine: Machine): OllamaProgram | null {
  const { env } = machine
  const join = win32.join
  const localAppData = env.LOCALAPPDATA ?? join(machine.home, 'AppData', 'Local')
  const dirs = [
    // OllamaSetup.exe installs per user, without administrator rights, here.
    join(localAppData, 'Programs', 'Ollama'),
    ...(env.ProgramFiles ? [join(env.ProgramFiles, 'Ollama')] : []),
    ...pathDirs(env.Path ?? env.PATH, ';'),
  ]
  for (const dir of dirs) {
    const exe = join(dir, 'ollama.exe')
    if (!machine.fileExists(exe)) continue
    // The tray app starts the server and keeps it running (and updated) the way the installer set it up.
    const trayApp = join(dir, 'ollama app.exe')
    return {
      path: exe,
      start: machine.fileExists(trayApp) ? { command: trayApp, args: [], detached: true } : { command: exe, args: ['serve'], detached: true },
    }
  }
  return null
}

function findOnMac(machine: Machine): OllamaProgram | null {
  for (const app of ['/Applications/Ollama.app', posix.join(machine.home, 'Applications', 'Ollama.app')]) {
    if (machine.fileExists(app)) return { path: app, start: { command: 'open', args: ['-a', app], detached: true } }
  }
  // Homebrew's formula installs only the command line program.
  const cli = findBinary(machine, ['/opt/homebrew/bin', '/usr/local/bin'], 'ollama')
  return cli ? { path: cli, start: { command: cli, args: ['serve'], detached: true } } : null
}

function findOnLinux(machine: Machine): OllamaProgram | null {
  const cli = findBinary(machine, ['/usr/local/bin', '/usr/bin', '/bin', '/snap/bin'], 'ollama')
  return cli ? { path: cli, start: { command: cli, args: ['serve'], detached: true } } : null
}

function findBinary(machine: Machine, knownDirs: string[], name: string): string | null {
  for (const dir of [...knownDirs, ...pathDirs(machine.env.PATH, ':')]) {
    const file = posix.join(dir, name)
    if (machine.fileExists(file)) return file
  }
  return null
}

function pathDirs(value: string | undefined, separator: string): string[] {
  return (value ?? '').split(separator).map((dir) => dir.trim()).filter((dir) => dir !== '')
}

/** The configured address is this computer (so Ollama can be installed and started here). */
export function isLocalHost(host: string, machine: Pick<Machine, 'localNames'>): boolean {
  let hostname: string
  try {
    hostname = new URL(host).hostname.replace(/^\[|\]$/g, '').toLowerCase()
  } catch {
    return true // an address we cannot read: treat it as ours and explain installing
  }
  if (hostname === 'localhost' || hostname === '::1' || hostname === '0.0.0.0' || hostname.startsWith('127.')) return true
  return machine.localNames().some((name) => name.toLowerCase() === hostname)
}

export interface DetectionFacts {
  machine: Machine
  host: string
  /** What GET /api/version answered; null when nothing answered. */
  version: string | null
  answered: boolean
  tooOld: boolean
}

/** The state, the place found and the owner's instructions, from what was observed. */
export function describeInstall(facts: DetectionFacts): OllamaInstallDto {
  const os = hostOs(facts.machine.platform)
  const local = isLocalHost(facts.host, facts.machine)
  const program = !facts.answered && local ? findOllamaProgram(facts.machine) : null
  let state: OllamaInstallState
  if (facts.answered) state = facts.tooOld ? 'too_old' : 'running'
  else if (!local) state = 'remote'
  else state = program ? 'installed' : 'not_installed'
  return {
    state,
    version: facts.version,
    minimumVersion: MINIMUM_OLLAMA_VERSION,
    os,
    downloadUrl: OLLAMA_DOWNLOAD_URLS[os],
    installPath: program?.path ?? null,
    canStart: state === 'installed' && program?.start != null,
    instructions: instructionsFor(os, state, { host: facts.host, version: facts.version }),
  }
}

/** What the owner does next, in the words of someone who runs a shop, not a server. */
export function instructionsFor(os: HostOs, state: OllamaInstallState, context: { host: string; version: string | null }): string[] {
  switch (state) {
    case 'running':
      return []
    case 'remote':
      return [
        `La aplicación busca Ollama en otro computador (${context.host}) y no responde.`,
        'Enciende ese computador y abre Ollama en él, o pide ayuda a quien lo instaló.',
        'Si Ollama debe estar en este computador, cambia la dirección en Ajustes → Modelo por http://127.0.0.1:11434.',
      ]
    case 'too_old':
      return [
        `Tu Ollama es la versión ${context.version ?? 'instalada'} y la aplicación necesita la ${MINIMUM_OLLAMA_VERSION} o una más nueva.`,
        ...UPDATE_STEPS[os],
        'Cuando termine, pulsa «Reintentar».',
      ]
    case 'installed':
      return [...START_STEPS[os], 'Cuando Ollama esté abierto, pulsa «Reintentar» (también lo revisamos solos cada pocos segundos).']
    case 'not_installed':
      return [...INSTALL_STEPS[os], 'Cuando termine, vuelve aquí: lo revisamos solos cada pocos segundos, o pulsa «Reintentar».']
  }
}

const INSTALL_STEPS: Record<HostOs, string[]> = {
  windows: [
    'Ollama es el programa gratuito que hace funcionar el asistente en tu computador.',
    'Pulsa «Abrir la página de descarga»: se abre su página oficial. Descarga el instalador para Windows (OllamaSetup.exe).',
    'Abre el archivo descargado y pulsa «Install». No necesitas ser administrador.',
    'Al terminar, Ollama queda abierto: verás su icono (una llamita) junto al reloj.',
  ],
  mac: [
    'Ollama es el programa gratuito que hace funcionar el asistente en tu Mac.',
    'Pulsa «Abrir la página de descarga»: se abre su página oficial. Descarga la versión para macOS.',
    'Abre el archivo descargado y arrastra Ollama a la carpeta Aplicaciones.',
    'Abre Ollama desde Aplicaciones: verás su icono (una llamita) en la barra de arriba.',
  ],
  linux: [
    'Ollama es el programa gratuito que hace funcionar el asistente en tu computador.',
    'Pulsa «Abrir la página de descarga»: se abre su página oficial con la instrucción de instalación para Linux.',
    'Si no sabes cómo hacerlo, pide ayuda a quien te instaló el computador: es un solo paso.',
  ],
}

// The screen's heading already says it is installed and not open: the steps start with what to do.
const START_STEPS: Record<HostOs, string[]> = {
  windows: [
    'Pulsa «Iniciar Ollama», o ábrelo tú desde el menú Inicio (escribe «Ollama» y haz clic en él).',
    'Verás su icono (una llamita) junto al reloj.',
  ],
  mac: [
    'Pulsa «Iniciar Ollama», o ábrelo tú desde la carpeta Aplicaciones.',
    'Verás su icono (una llamita) en la barra de arriba.',
  ],
  linux: [
    'Pulsa «Iniciar Ollama» y la aplicación lo pondrá en marcha.',
    'Si se instaló como servicio del sistema, quien administra el computador puede dejarlo encendido siempre.',
  ],
}

const UPDATE_STEPS: Record<HostOs, string[]> = {
  windows: [
    'Pulsa «Abrir la página de descarga», descarga el instalador para Windows y ábrelo: se actualiza sin perder tus modelos.',
    'También puedes hacer clic en el icono de Ollama junto al reloj y elegir «Restart to update» si aparece.',
  ],
  mac: [
    'Pulsa «Abrir la página de descarga», descarga la versión para macOS y reemplaza la de la carpeta Aplicaciones: tus modelos se conservan.',
    'También puedes hacer clic en el icono de Ollama en la barra de arriba y elegir «Restart to update» si aparece.',
  ],
  linux: [
    'Pulsa «Abrir la página de descarga»: la misma instrucción de instalación actualiza Ollama sin perder tus modelos.',
    'Si no sabes cómo hacerlo, pide ayuda a quien te instaló el computador.',
  ],
}
