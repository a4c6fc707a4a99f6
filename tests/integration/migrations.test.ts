import { execFileSync } from 'node:child_process'
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findMigrationsDir } from '../../src/main/kernel/project-paths'
import { openDatabase } from '../../src/main/store/database'
import { tempDir } from '../support/test-app'

const migrationsDir = findMigrationsDir()

function schemaOf(file: string): { type: string; name: string; sql: string | null }[] {
  const db = new Database(file, { readonly: true })
  try {
    return db
      .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all() as { type: string; name: string; sql: string | null }[]
  } finally {
    db.close()
  }
}

/** A copy of drizzle/ that knows only its first `count` migrations, as an older release shipped. */
function migrationsUpTo(dir: string, count: number): string {
  const target = join(dir, 'drizzle-old')
  cpSync(migrationsDir, target, { recursive: true })
  const journalFile = join(target, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] }
  journal.entries = journal.entries.slice(0, count)
  writeFileSync(journalFile, JSON.stringify(journal))
  return target
}

describe('database migrations', () => {
  let dir: ReturnType<typeof tempDir>
  beforeEach(() => {
    dir = tempDir()
  })
  afterEach(() => dir.remove())

  it('a fresh database and one migrated from the first migration end with the same schema', () => {
    const fresh = join(dir.path, 'fresh.db')
    openDatabase({ file: fresh, migrationsDir }).$client.close()

    const upgraded = join(dir.path, 'upgraded.db')
    const old = openDatabase({ file: upgraded, migrationsDir: migrationsUpTo(dir.path, 1) })
    old.$client.prepare("INSERT INTO accounts (id, name) VALUES ('shop', 'Tienda')").run()
    old.$client.close()
    const current = openDatabase({ file: upgraded, migrationsDir })
    expect(current.$client.prepare('SELECT name FROM accounts').all()).toEqual([{ name: 'Tienda' }])
    current.$client.close()

    expect(schemaOf(upgraded)).toEqual(schemaOf(fresh))
    expect(schemaOf(fresh).filter((o) => o.type === 'table').map((o) => o.name)).toEqual(
      expect.arrayContaining([
        'accounts',
        'contacts',
        'conversations',
        'messages',
        'products',
        'training_data',
        'datasets',
        'training_runs',
        'model_versions',
        'settings',
        'whatsapp_auth',
      ]),
    )
  })

  it('opens with WAL, foreign keys and a busy timeout', () => {
    const db = openDatabase({ file: join(dir.path, 'p.db'), migrationsDir })
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(() =>
      db.$client.prepare("INSERT INTO conversations (id, accountId, contactId) VALUES ('c', 'nobody', 'nobody')").run(),
    ).toThrow(/FOREIGN KEY/)
    db.$client.close()
  })

  it("keeps every field and both indexes of the seed's TrainingData model", () => {
    const db = openDatabase({ file: join(dir.path, 't.db'), migrationsDir })
    const columns = (db.$client.prepare("PRAGMA table_info('training_data')").all() as { name: string }[]).map((c) => c.name)
    expect(columns).toEqual(
      expect.arrayContaining([
        'id',
        'userId',
        'conversationId',
        'userMessage',
        'botResponse',
        'context',
        'productId',
        'productName',
        'category',
        'qualityScore',
        'wasSuccessful',
        'userFeedback',
        'createdAt',
        'evaluatedAt',
      ]),
    )
    const indexes = (db.$client.prepare("PRAGMA index_list('training_data')").all() as { name: string }[]).map((i) => {
      const cols = db.$client.prepare(`PRAGMA index_info('${i.name}')`).all() as { name: string }[]
      return cols.map((c) => c.name).join(',')
    })
    expect(indexes).toEqual(expect.arrayContaining(['userId,qualityScore', 'category,qualityScore']))
    db.$client.close()
  })

  it('has a committed migration for every change in schema.ts', () => {
    const out = join(dir.path, 'drizzle-check')
    cpSync(migrationsDir, out, { recursive: true })
    const before = readdirSync(out).sort()
    // drizzle-kit resolves `out` against the working directory and exits 0 even on errors.
    const log = execFileSync(process.execPath, [join('node_modules', 'drizzle-kit', 'bin.cjs'), 'generate'], {
      env: { ...process.env, DRIZZLE_OUT: relative(process.cwd(), out) },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    expect(log).toContain('No schema changes')
    expect(readdirSync(out).sort(), `drizzle-kit generated a migration: run npm run db:generate\n${log}`).toEqual(before)
  })
})
