import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { post, startServeProcess, type ServeProcess } from '../support/serve-process'
import { tempDir } from '../support/test-app'

describe('crash durability', () => {
  let serve: ServeProcess | undefined
  let dir: ReturnType<typeof tempDir> | undefined
  afterEach(async () => {
    await serve?.stop('SIGKILL')
    dir?.remove()
  })

  it('loses no acknowledged customer message when the server is killed mid-write', async () => {
    dir = tempDir()
    serve = await startServeProcess(dir.path)
    const { url, token } = serve
    const acknowledged: string[] = []
    let stop = false
    // Four writers keep requests in flight so the kill lands during writes.
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const { status, body } = await post(url, token, 'simulator.send', { from: `cliente-${w}`, text: `mensaje ${w}-${i}` })
          if (status === 200) acknowledged.push((body as { messageId: string }).messageId)
        } catch {
          return // connection died with the server
        }
      }
    }
    const writers = [0, 1, 2, 3].map(writer)
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 5))
    serve.child.kill('SIGKILL')
    stop = true
    await Promise.all(writers)
    expect(await serve.stop()).toBeNull() // killed by signal, no exit code

    const db = new Database(join(dir.path, 'autodidacta.db'))
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const stored = new Set((db.prepare("SELECT id FROM messages WHERE direction = 'in'").all() as { id: string }[]).map((r) => r.id))
      const lost = acknowledged.filter((id) => !stored.has(id))
      expect(lost).toEqual([])
      expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length)
    } finally {
      db.close()
    }
  })
})
