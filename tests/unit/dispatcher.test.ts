import { describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/api/dispatcher'
import type { HandlerTable } from '../../src/main/api/handler-table'
import { silentLogger } from '../../src/main/kernel/logger'
import { ApiError } from '../../src/shared/api/errors'

function table(overrides: Partial<HandlerTable>): HandlerTable {
  const fail = () => {
    throw new Error('not used here')
  }
  return new Proxy(overrides, { get: (target, key: string) => (target as Record<string, unknown>)[key] ?? fail }) as HandlerTable
}

describe('dispatcher', () => {
  it('tells the owner the disk is full instead of a generic failure', async () => {
    // A real SQLITE_FULL from better-sqlite3: a database capped at its current size.
    const Database = (await import('better-sqlite3')).default
    const db = new Database(':memory:')
    db.exec('CREATE TABLE t (x TEXT)')
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`)
    const dispatch = createDispatcher(
      table({
        'catalog.delete': () => {
          db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000))
          return { deleted: true }
        },
      }),
      silentLogger,
    )
    const result = await dispatch('catalog.delete', { id: 'p1' })
    db.close()
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } })
    expect(result.ok || result.error.message).toMatch(/disco está lleno/)
  })

  it('names the offending field when input fails validation', async () => {
    const dispatch = createDispatcher(table({}), silentLogger)
    const result = await dispatch('simulator.send', { from: 'Ana', text: '   ' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ path: 'text' }] } })
    expect(result.ok || result.error.message).toBe('Mensaje: No puede quedar vacío.')
  })

  it('names unknown fields and nested paths', async () => {
    const dispatch = createDispatcher(table({}), silentLogger)
    const unknown = await dispatch('simulator.send', { from: 'Ana', text: 'hola', phone: '1' })
    expect(unknown).toMatchObject({ ok: false, error: { fields: [{ path: 'phone', message: 'La app no conoce este dato.' }] } })
    const nested = await dispatch('settings.update', { llm: { host: 'not a url' } })
    expect(nested).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ path: 'llm.host' }] } })
    const wrongType = await dispatch('conversations.list', { limit: 'ten' })
    expect(wrongType).toMatchObject({ ok: false, error: { fields: [{ path: 'limit' }] } })
  })

  it('applies defaults and passes parsed input to the handler', async () => {
    let seen: unknown
    const dispatch = createDispatcher(
      table({
        'conversations.list': (input) => {
          seen = input
          return []
        },
      }),
      silentLogger,
    )
    expect(await dispatch('conversations.list', undefined)).toEqual({ ok: true, value: [] })
    expect(seen).toEqual({ limit: 100 })
  })

  it('rejects unknown methods', async () => {
    const dispatch = createDispatcher(table({}), silentLogger)
    expect(await dispatch('conversations.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
  })

  it('passes ApiErrors through and hides internal errors', async () => {
    const logged: string[] = []
    const logger = { ...silentLogger, error: (m: string) => logged.push(m) }
    const dispatch = createDispatcher(
      table({
        'conversations.messages': () => {
          throw new ApiError('not_found', 'no such conversation')
        },
        'app.status': () => {
          throw new Error('SQLITE_CORRUPT: secret internals')
        },
      }),
      logger,
    )
    expect(await dispatch('conversations.messages', { conversationId: 'x' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'no such conversation' },
    })
    const internal = await dispatch('app.status', {})
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(internal.ok || internal.error.message).not.toContain('SQLITE')
    expect(logged).toEqual(['Handler app.status failed'])
  })
})
