import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'

export const CLI = resolve('out/main/cli.js')

export interface ServeProcess {
  child: ChildProcess
  url: string
  token: string
  /** Milliseconds from spawn to the URL line. */
  startupMs: number
  stderr: () => string
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** Runs `autodidacta serve` from the build, as `npm run serve` does, and waits for its URL line. */
export async function startServeProcess(dataDir: string, env: Record<string, string> = {}, args: string[] = []): Promise<ServeProcess> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`)
  const started = Date.now()
  const child = spawn(process.execPath, [CLI, 'serve', '--data-dir', dataDir, '--port', '0', ...args], {
    env: { ...process.env, OLLAMA_HOST: 'http://127.0.0.1:9', AUTODIDACTA_WHISPER_MODELS_URL: 'http://127.0.0.1:9', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in 20 s; stderr:\n${stderr}`)), 20_000)
    lines.on('line', (line) => {
      const match = /^URL (http:\/\/\S+)$/.exec(line)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited with ${code}; stderr:\n${stderr}`))
    })
  })
  const startupMs = Date.now() - started
  const info = JSON.parse(readFileSync(join(dataDir, 'server.json'), 'utf8')) as { url: string; token: string }
  return {
    child,
    url,
    token: info.token,
    startupMs,
    stderr: () => stderr,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
  }
}

export async function post(url: string, token: string | null, method: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: await response.json() }
}
