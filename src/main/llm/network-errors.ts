// How fetch (undici) failures look, shared by the HTTP providers.

/** Nothing answered: refused, reset, DNS, or our own timeout. */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return true
  // undici reports refused/reset connections and DNS failures as `TypeError: fetch failed` with a cause.
  return error instanceof TypeError && /fetch failed|network|terminated/i.test(error.message)
}

export function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? error.message
}
