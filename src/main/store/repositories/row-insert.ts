import { getTableColumns, is, SQL, sql } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db } from '../database'

/**
 * A compiled one-row INSERT for bulk loads (demo data, imports): building a drizzle query per
 * row, or one statement with thousands of parameters, costs far more than running a prepared
 * statement per row. Every column is a placeholder; values are encoded here with the column's
 * own encoder (drizzle skips it for raw placeholders, and would mis-encode null JSON and
 * booleans if it did not), and a missing value falls back to the column's default.
 */
export function prepareRowInsert<T extends SQLiteTable>(db: Db, table: T): (row: Partial<T['$inferInsert']>) => void {
  const columns = Object.entries(getTableColumns(table))
  const values: Record<string, SQL> = {}
  for (const [key, column] of columns) {
    const value = sql`${sql.placeholder(key)}`
    if (column.default === undefined) values[key] = value
    else values[key] = sql`coalesce(${value}, ${is(column.default, SQL) ? column.default : sql`${column.mapToDriverValue(column.default)}`})`
  }
  const statement = db.insert(table).values(values as T['$inferInsert']).prepare()
  return (row) => {
    const params: Record<string, unknown> = {}
    for (const [key, column] of columns) {
      const value = (row as Record<string, unknown>)[key]
      params[key] = value === undefined || value === null ? defaultOf(column) : column.mapToDriverValue(value)
    }
    statement.run(params)
  }
}

function defaultOf(column: ReturnType<typeof getTableColumns>[string]): unknown {
  if (!column.defaultFn) return null // NULL, or the SQL default through coalesce
  const value = column.defaultFn()
  if (is(value, SQL)) throw new Error(`prepareRowInsert: column ${column.name} has an SQL $defaultFn; give it a value`)
  return column.mapToDriverValue(value)
}
