export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

type Level = 'debug' | 'info' | 'warn' | 'error'
const rank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/**
 * Line-oriented logs for humans on a stream (stderr by default, so that a CLI's stdout
 * stays machine-readable).
 */
export function createStreamLogger(
  stream: NodeJS.WritableStream = process.stderr,
  minLevel: Level = (process.env.AUTODIDACTA_LOG_LEVEL as Level | undefined) ?? 'info',
): Logger {
  const write = (level: Level, message: string, fields?: Record<string, unknown>) => {
    if (rank[level] < (rank[minLevel] ?? rank.info)) return
    const extra = fields && Object.keys(fields).length > 0 ? ' ' + safeJson(fields) : ''
    stream.write(`${new Date().toISOString()} ${level.toUpperCase()} ${message}${extra}\n`)
  }
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  }
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} }

function safeJson(value: unknown): string {
  try {
    // The cause carries what the owner's message leaves out (a provider's own words): keep it in the log.
    return JSON.stringify(value, (_key, v: unknown) =>
      v instanceof Error ? { name: v.name, message: v.message, ...(v.cause === undefined ? {} : { cause: v.cause }) } : v,
    )
  } catch {
    return '[unserialisable]'
  }
}
