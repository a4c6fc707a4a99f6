import { spawn } from 'node:child_process'
import { constants, setPriority } from 'node:os'
import type { WriteStream } from 'node:fs'
import { createInterface } from 'node:readline'

export interface ToolRunOptions {
  /** Each stdout line that parses as a JSON object (the trainer's protocol). */
  onEvent?: (event: Record<string, unknown>) => void
  /** Everything the tool prints goes here too, for the run's log file. */
  log?: WriteStream | null
  signal?: AbortSignal
  env?: Record<string, string | undefined>
  /**
   * Run below normal CPU priority (nice 10): training and validation may take hours, and a
   * customer who writes meanwhile is answered by the same computer. Not the lowest (19): there a
   * training gets about 1 % of a busy core and may never finish on a computer that is never idle.
   */
  lowPriority?: boolean
}

/** A llama.cpp tool failed; `message` is what it said (its error event, else the end of stderr). */
export class ToolError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly cancelled: boolean,
  ) {
    super(message)
    this.name = 'ToolError'
  }
}

const STDERR_TAIL = 4_000
const TRAINING_PRIORITY = constants.priority.PRIORITY_BELOW_NORMAL

/**
 * Runs a native tool to completion. Cancelling sends SIGTERM (the trainer then stops without
 * leaving an output file) and SIGKILL five seconds later if it has not exited.
 */
export function runTool(command: string, args: string[], options: ToolRunOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new ToolError('Cancelado', null, true))
      return
    }
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } })
    if (options.lowPriority && child.pid !== undefined) {
      try {
        setPriority(child.pid, TRAINING_PRIORITY)
      } catch {
        // Not allowed here (some sandboxes): it runs at normal priority, and still with fewer threads.
      }
    }
    let stderrTail = ''
    let errorMessage: string | null = null
    let killTimer: NodeJS.Timeout | null = null
    const onAbort = () => {
      child.kill('SIGTERM')
      killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      killTimer.unref()
    }
    options.signal?.addEventListener('abort', onAbort, { once: true })

    const lines = createInterface({ input: child.stdout })
    lines.on('line', (line) => {
      options.log?.write(`${line}\n`)
      if (!line.startsWith('{')) return
      let event: unknown
      try {
        event = JSON.parse(line)
      } catch {
        return
      }
      if (typeof event !== 'object' || event === null) return
      const record = event as Record<string, unknown>
      if (record.event === 'error' && typeof record.message === 'string') errorMessage = record.message
      options.onEvent?.(record)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      options.log?.write(chunk)
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL)
    })
    child.once('error', (error) => {
      options.signal?.removeEventListener('abort', onAbort)
      reject(new ToolError(`No se pudo ejecutar ${command}: ${error.message}`, null, false))
    })
    child.once('close', (code, signal) => {
      options.signal?.removeEventListener('abort', onAbort)
      if (killTimer) clearTimeout(killTimer)
      lines.close()
      if (code === 0) {
        resolve()
        return
      }
      const cancelled = options.signal?.aborted === true
      const why = errorMessage ?? lastMeaningfulLine(stderrTail) ?? `terminó con ${signal ?? `código ${code}`}`
      reject(new ToolError(cancelled ? 'Cancelado' : why, code, cancelled))
    })
  })
}

function lastMeaningfulLine(text: string): string | null {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean)
  return lines.at(-1) ?? null
}
