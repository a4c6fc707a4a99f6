import { chmodSync, closeSync, existsSync, openSync } from 'node:fs'
import { join } from 'node:path'

/** The database and the files SQLite keeps beside it in WAL mode. */
export const DATABASE_FILES = ['autodidacta.db', 'autodidacta.db-wal', 'autodidacta.db-shm'] as const

/**
 * The data folder holds every customer's chats and the WhatsApp session: only its owner may
 * read it, on a machine other people also log into. The folder becomes 0700 and the database
 * files 0600 — those made before this rule too. The database file is created here, empty
 * (SQLite takes an empty file as a new database), because SQLite gives its -wal and -shm
 * files the database file's own mode: a 0600 database keeps them 0600 without touching the
 * process-wide umask. POSIX only; Windows guards the per-user profile folder by ACL.
 */
export function restrictDataDir(dataDir: string): void {
  if (process.platform === 'win32') return
  chmodSync(dataDir, 0o700)
  closeSync(openSync(join(dataDir, DATABASE_FILES[0]), 'a', 0o600))
  for (const name of DATABASE_FILES) {
    const file = join(dataDir, name)
    if (existsSync(file)) chmodSync(file, 0o600)
  }
}
