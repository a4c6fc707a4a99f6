import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export interface OpenDatabaseOptions {
  file: string
  migrationsDir: string
}

/**
 * Opens the app database and brings its schema up to date.
 * WAL lets the UI read while the pipeline writes; synchronous=FULL makes every committed
 * customer message durable even if the machine loses power right after the commit — the
 * write volume of a shop's chats is small enough that the fsync is not felt.
 */
export function openDatabase({ file, migrationsDir }: OpenDatabaseOptions): Db {
  const sqlite = new Database(file)
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    const db = drizzle(sqlite, { schema })
    migrate(db, { migrationsFolder: migrationsDir })
    return db
  } catch (error) {
    sqlite.close()
    throw error
  }
}

/**
 * A second connection to an already-migrated app database, for the learning loop's writes
 * (captures and evaluations). They are derived data: every one can be rebuilt from the stored
 * messages, which the app does at start (CaptureService.recaptureMissing). So this connection
 * commits with synchronous=NORMAL: in WAL mode a commit is then durable against a crash of the
 * app (the WAL is written before the commit returns) but not against a power cut, and it skips
 * the fsync that was most of a capture's tail latency. The customer messages keep their FULL
 * sync on the main connection; the next FULL commit there syncs these frames too.
 *
 * Both connections live on the event-loop thread and better-sqlite3 transactions never span an
 * `await`, so one never waits on the other's write lock. busy_timeout still covers what can
 * briefly hold the lock from outside a transaction (a checkpoint, a CLI reading the file).
 */
export function openLearningDatabase(file: string): Db {
  const sqlite = new Database(file, { fileMustExist: true })
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    return drizzle(sqlite, { schema })
  } catch (error) {
    sqlite.close()
    throw error
  }
}
