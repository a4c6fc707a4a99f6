// Everything this room asks of the operating system, behind one interface, so the tests can
// play Windows, macOS or Linux — installed, stopped or missing — on any machine.
import { execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { statfs } from 'node:fs/promises'
import { arch, availableParallelism, homedir, hostname, networkInterfaces, platform, totalmem } from 'node:os'
import type { HostOs } from '../../shared/setup'

export interface SpawnRequest {
  command: string
  args: string[]
  /** Left running after the app exits (Ollama is the owner's program, not a child of ours). */
  detached: boolean
}

export interface Machine {
  platform: NodeJS.Platform
  arch: string
  home: string
  env: Record<string, string | undefined>
  fileExists: (path: string) => boolean
  /** Starts a program and does not wait for it; rejects when it cannot be started at all. */
  spawn: (request: SpawnRequest) => Promise<void>
  /** Runs a short command and returns its standard output; rejects on failure or after `timeoutMs`. */
  run: (command: string, args: string[], timeoutMs: number) => Promise<string>
  /** Free bytes on the disk holding `path` (which must exist). */
  freeBytes: (path: string) => Promise<number>
  totalMemoryBytes: () => number
  cpuCores: () => number
  /** Names and addresses this computer answers to (to tell a local Ollama from a remote one). */
  localNames: () => string[]
}

export function hostOs(platformName: NodeJS.Platform): HostOs {
  if (platformName === 'win32') return 'windows'
  if (platformName === 'darwin') return 'mac'
  return 'linux'
}

/** The real machine this process runs on. */
export function currentMachine(env: Record<string, string | undefined> = process.env): Machine {
  return {
    platform: platform(),
    arch: arch(),
    home: homedir(),
    env,
    fileExists: (path) => existsSync(path),
    spawn: (request) => spawnDetached(request),
    run: (command, args, timeoutMs) =>
      new Promise((resolve, reject) => {
        execFile(command, args, { timeout: timeoutMs, windowsHide: true, maxBuffer: 64 * 1024 }, (error, stdout) => {
          if (error) reject(error)
          else resolve(stdout)
        })
      }),
    freeBytes: async (path) => {
      const stats = await statfs(path)
      return Number(stats.bavail) * Number(stats.bsize)
    },
    totalMemoryBytes: () => totalmem(),
    cpuCores: () => availableParallelism(),
    localNames: () => [
      hostname(),
      ...Object.values(networkInterfaces())
        .flatMap((addresses) => addresses ?? [])
        .map((address) => address.address),
    ],
  }
}

function spawnDetached(request: SpawnRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(request.command, request.args, { detached: request.detached, stdio: 'ignore', windowsHide: true })
    // 'spawn' fires once the program is running; 'error' when it could not be started (ENOENT, EACCES).
    child.once('error', reject)
    child.once('spawn', () => {
      child.unref()
      resolve()
    })
  })
}
