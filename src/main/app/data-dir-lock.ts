import Database from 'better-sqlite3'
import { closeSync, ftruncateSync, openSync, readSync } from 'node:fs'
import { join } from 'node:path'

const SQLITE_MAGIC = 'SQLite format 3\0'

/**
 * One running app per data directory: two would both answer every customer, and two
 * WhatsApp connections on one session replace each other in a loop.
 *
 * The lock is an OS advisory lock, not a PID in a file: a PID cannot tell a live holder from
 * a recycled number, nor from our own PID after a container restart, and two starters that
 * both find a stale file can both win. Node has no flock, so the lock file is an (empty)
 * SQLite database held in exclusive locking mode: SQLite takes a POSIX or Windows file lock,
 * which the OS drops the moment the holder dies, however it dies, and grants to one caller only.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'app.lock')
  clearLegacyPidFile(file)
  // timeout 0: a second app must fail now, not wait for the first to quit.
  const db = new Database(file, { timeout: 0 })
  try {
    // No journal file beside the lock: nothing is ever written to it.
    db.pragma('journal_mode = MEMORY')
    db.pragma('locking_mode = EXCLUSIVE')
    // In exclusive locking mode the lock taken here is kept until the connection closes.
    db.exec('BEGIN EXCLUSIVE')
  } catch (error) {
    db.close()
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new Error(`Another autodidacta is already using ${dataDir}`, { cause: error })
    }
    throw new Error(`Could not lock ${dataDir}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  let released = false
  return () => {
    if (released) return
    released = true
    // The file stays: deleting a lock file lets a third starter lock a new inode while a
    // second still waits on the old one.
    db.close()
  }
}

/**
 * Versions before the OS lock wrote their PID into app.lock, which SQLite would refuse as
 * "not a database". A lock held by this version is empty or a SQLite file, never text, so
 * text can be cleared in place (same inode, so a racing starter locks the same file).
 */
function clearLegacyPidFile(file: string): void {
  let fd: number
  try {
    fd = openSync(file, 'r+')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  try {
    const head = Buffer.alloc(SQLITE_MAGIC.length)
    const read = readSync(fd, head, 0, head.length, 0)
    if (read > 0 && head.subarray(0, read).toString('latin1') !== SQLITE_MAGIC.slice(0, read)) ftruncateSync(fd, 0)
  } finally {
    closeSync(fd)
  }
}
