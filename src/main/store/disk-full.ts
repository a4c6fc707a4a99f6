// A full disk is the one write failure the owner can fix: it is told apart from every other
// error, so that the app says what to do instead of "something failed".

/** What the owner reads when a write fails for lack of space (status bar, simulator errors). */
export const DISK_FULL_MESSAGE =
  'El disco está lleno: libera espacio en el computador. Los mensajes de tus clientes que lleguen se guardan en cuanto haya espacio.'

/** SQLite's "database or disk is full", or the file system's own "no space left". */
export function isDiskFull(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || (typeof code === 'string' && code.startsWith('SQLITE_IOERR') && /disk is full|no space/i.test(error.message))
}

/** How the pipeline reports writes to the health it feeds (a narrow view for the inbox, router and outbox). */
export interface WriteHealth {
  /** A write failed; true when it was the disk being full (the caller keeps the work for a retry). */
  writeFailed(error: unknown): boolean
  /** A write the disk had refused before went through. */
  writeSucceeded(): void
}
