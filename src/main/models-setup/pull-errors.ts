// What went wrong with a download, in the owner's words, and whether trying again by itself
// can help. Ollama's own texts (Go errors passed through /api/pull) are matched loosely: they
// change between versions ("pull model manifest: file does not exist", "manifest unknown").

export interface PullFailure {
  message: string
  /** A passing problem (a dropped connection, no internet for a moment): try again by itself. */
  transient: boolean
}

export function unknownModelMessage(name: string): string {
  return `Ollama no encuentra el modelo «${name}» en su biblioteca. Revisa el nombre (por ejemplo «qwen2.5:1.5b»).`
}

export const NO_SPACE_MESSAGE = 'No queda espacio en el disco para este modelo. Libera espacio (borra archivos o modelos que no uses) y vuelve a intentarlo.'
export const NO_INTERNET_MESSAGE = 'No hay conexión a internet: Ollama no puede descargar el modelo. Revisa la conexión; la descarga sigue sola cuando vuelva.'
export const OLLAMA_UNREACHABLE_MESSAGE = 'Ollama no responde. Ábrelo y la descarga seguirá donde quedó.'
export const OLLAMA_STOPPED_MESSAGE = 'Ollama se detuvo a mitad de la descarga. Ábrelo de nuevo y la descarga seguirá donde quedó.'
export const DROPPED_MESSAGE = 'Se cortó la conexión a mitad de la descarga; la retomamos donde quedó.'

/** An `{"error": …}` from Ollama, in a stream line or an HTTP error body. */
export function classifyOllamaPullError(name: string, error: string): PullFailure {
  if (/file does not exist|manifest unknown|manifest not found|not found|invalid model name|unauthorized|pull access denied/i.test(error)) {
    return { message: unknownModelMessage(name), transient: false }
  }
  if (/no space left|not enough space|disk full|insufficient (disk )?space/i.test(error)) {
    return { message: NO_SPACE_MESSAGE, transient: false }
  }
  if (/dial tcp|no such host|lookup |i\/o timeout|connection (refused|reset)|network is unreachable|tls|eof|max retries|timeout|temporary failure|context deadline/i.test(error)) {
    return { message: NO_INTERNET_MESSAGE, transient: true }
  }
  return { message: `Ollama no pudo descargar el modelo: ${error}`, transient: false }
}

/** Node's fetch could not reach Ollama at all (nothing listening, the address does not resolve). */
export function isConnectionRefused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause
  const code = typeof cause?.code === 'string' ? cause.code : (error as { code?: unknown } | null)?.code
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'EAI_AGAIN'
}
