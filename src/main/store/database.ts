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
