import { asc } from 'drizzle-orm'
import type { Db } from '../database'
import { accounts } from '../schema'
import { newId } from '../../kernel/ids'

export type Account = typeof accounts.$inferSelect

export class AccountsRepository {
  constructor(private readonly db: Db) {}

  /** The shop's account; created on first start. One shop per data directory. */
  ensureShopAccount(defaultName: string): Account {
    return this.db.transaction((tx) => {
      const existing = tx.select().from(accounts).orderBy(asc(accounts.createdAt)).limit(1).get()
      if (existing) return existing
      return tx.insert(accounts).values({ id: newId(), name: defaultName }).returning().get()
    })
  }
}
