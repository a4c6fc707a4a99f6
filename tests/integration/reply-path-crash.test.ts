import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../support/test-app'

const CHILD = resolve('tests/support/reply-path-child.ts')
const STEPS = ['receive', 'generate', 'guard', 'enqueue', 'send', 'capture'] as const
const CUSTOMER_TEXT = 'Hola, ¿tienen zapatos en talla 38?'

interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
}

/** Runs the app in a child process (tsx, no build needed) until it exits or is killed. */
function runChild(dataDir: string, sendsFile: string, killAt: string | null, text: string | null): Promise<Exit> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, sendsFile, ...(text ? [text] : [])], {
    env: { ...process.env, AUTODIDACTA_FAULT_KILL_AT: killAt ?? '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal, stderr })))
}

describe('a crash at any step of the reply path', () => {
  let dir: ReturnType<typeof tempDir> | undefined
  afterEach(() => dir?.remove())

  it.each(STEPS)('killed at "%s": after the restart the customer has exactly one answer and nothing is lost', async (step) => {
    dir = tempDir()
    const dataDir = join(dir.path, 'data')
    const sendsFile = join(dir.path, 'sends.jsonl')

    const killed = await runChild(dataDir, sendsFile, step, CUSTOMER_TEXT)
    // The kill really happened at that step (not a clean exit before or after it).
    expect(killed, killed.stderr).toMatchObject({ code: null, signal: 'SIGKILL' })

    const restarted = await runChild(dataDir, sendsFile, null, null)
    expect(restarted, restarted.stderr).toMatchObject({ code: 0, signal: null })

    const db = new Database(join(dataDir, 'autodidacta.db'), { readonly: true })
    try {
      const customer = db
        .prepare("SELECT id, text, replyState FROM messages WHERE direction = 'in' AND author = 'customer'")
        .all() as { id: string; text: string; replyState: string }[]
      expect(customer).toEqual([{ id: expect.any(String), text: CUSTOMER_TEXT, replyState: 'answered' }])

      const answers = db
        .prepare("SELECT id, externalId, status FROM messages WHERE direction = 'out' AND author = 'bot'")
        .all() as { id: string; externalId: string; status: string }[]
      expect(answers).toHaveLength(1)
      expect(answers[0]!.status).toBe('sent')

      // What the transport delivered over both runs: a resend carries the same id (WhatsApp
      // drops it as the same message), so the customer saw one message.
      const sends = existsSync(sendsFile)
        ? readFileSync(sendsFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: string; text: string })
        : []
      expect(new Set(sends.map((s) => s.id)).size).toBe(1)
      expect(`simulator:${sends[0]!.id}`).toBe(answers[0]!.externalId)

      // The learning loop got the answer once too.
      const captured = db.prepare('SELECT count(*) AS n FROM training_data WHERE botMessageId = ?').get(answers[0]!.id) as { n: number }
      expect(captured.n).toBe(1)
    } finally {
      db.close()
    }
  })

  it('killed once the handoff reply is stored: the chat is paused, the customer hears it once and the message counts as answered', async () => {
    dir = tempDir()
    const dataDir = join(dir.path, 'data')
    const sendsFile = join(dir.path, 'sends.jsonl')
    const killed = await runChild(dataDir, sendsFile, 'enqueue', 'Quiero hablar con una persona, por favor')
    expect(killed, killed.stderr).toMatchObject({ code: null, signal: 'SIGKILL' })
    const restarted = await runChild(dataDir, sendsFile, null, null)
    expect(restarted, restarted.stderr).toMatchObject({ code: 0, signal: null })

    const db = new Database(join(dataDir, 'autodidacta.db'), { readonly: true })
    try {
      expect(db.prepare("SELECT replyState FROM messages WHERE author = 'customer'").all()).toEqual([{ replyState: 'answered' }])
      expect(db.prepare("SELECT template, status FROM messages WHERE author = 'bot'").all()).toEqual([{ template: 'handoff', status: 'sent' }])
      expect(db.prepare('SELECT botMode FROM conversations').all()).toEqual([{ botMode: 'paused' }])
      const sends = readFileSync(sendsFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: string })
      expect(new Set(sends.map((s) => s.id)).size).toBe(1)
    } finally {
      db.close()
    }
  })
})
