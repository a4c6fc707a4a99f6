// Issue 4's target: 1,000 inbound WhatsApp messages over 100 chats in one burst — none lost,
// none answered twice — and the inbound-to-stored latency. Real Baileys message objects go
// through a double of the socket's event surface into a whole app (real SQLite file, fsync on)
// with an Ollama double that answers at once. Send spacing is switched off here: it is there to
// protect the number, and would only stretch the run to minutes.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../src/main/app/create-app'
import { silentLogger } from '../src/main/kernel/logger'
import { startOllamaDouble } from '../tests/support/ollama-double'
import { customerText, socketDoubleFactory } from '../tests/support/whatsapp-socket-double'

const CHATS = 100
const MESSAGES = 1000
const BATCH = 50 // Baileys hands over offline bursts in batches

const ollama = await startOllamaDouble({ reply: (r) => `Claro: ${r.messages.at(-1)?.content ?? ''}` })
const dir = mkdtempSync(join(tmpdir(), 'autodidacta-bench-'))
const factory = socketDoubleFactory()
const app = await createApp({
  dataDir: dir,
  version: 'bench',
  logger: silentLogger,
  env: { OLLAMA_HOST: ollama.url },
  whatsappSocketFactory: factory,
  whatsappTimings: { sendLimits: { perChatMinIntervalMs: 0, globalPerMinute: 1_000_000, globalBurst: 1_000_000, jitterMs: 0 } },
})
try {
  await app.dispatch('settings.update', { whatsapp: { debounceMs: 300 } })
  const next = factory.next()
  await app.dispatch('whatsapp.pair', { method: 'qr' })
  const socket = await next
  socket.qr()
  socket.open()

  const sentAt = new Map<string, number>()
  const latencies: number[] = []
  app.events.subscribe((event, payload) => {
    if (event !== 'message.added') return
    const m = payload as { direction: string; text: string | null }
    const started = m.direction === 'in' && m.text ? sentAt.get(m.text) : undefined
    if (started !== undefined) latencies.push(performance.now() - started)
  })
  const messages = Array.from({ length: MESSAGES }, (_, i) => customerText(`57300${String(i % CHATS).padStart(7, '0')}`, `mensaje ${i}: ¿tienen envío a Cali?`))
  const started = performance.now()
  for (let i = 0; i < messages.length; i += BATCH) {
    const batch = messages.slice(i, i + BATCH)
    const now = performance.now()
    for (const m of batch) sentAt.set(m.message!.conversation!, now)
    socket.upsert(batch)
  }
  // A reconnect redelivers part of the burst: it must change nothing.
  socket.upsert(messages.slice(0, 200), 'append')
  await new Promise((r) => setTimeout(r, 50))
  await app.idle()
  const elapsed = performance.now() - started

  const db = app.repos.db.$client
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n
  const stored = count("SELECT count(*) AS n FROM messages WHERE direction = 'in'")
  const answered = count("SELECT count(*) AS n FROM messages WHERE direction = 'in' AND replyState = 'answered'")
  const replies = count("SELECT count(*) AS n FROM messages WHERE author = 'bot' AND status = 'sent'")
  const duplicateSends = socket.sent.length - new Set(socket.sent.map((s) => s.messageId)).size
  latencies.sort((a, b) => a - b)
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!.toFixed(1)
  console.log('| measure | result |')
  console.log('|---|---|')
  console.log(`| inbound messages stored (of ${MESSAGES}, plus 200 redelivered) | ${stored} |`)
  console.log(`| customer messages answered | ${answered} |`)
  console.log(`| bot replies sent / distinct WhatsApp ids / duplicate sends | ${replies} / ${socket.sent.length - duplicateSends} / ${duplicateSends} |`)
  console.log(`| inbound → stored latency (upsert to committed row) | p50 ${p(0.5)} ms, p99 ${p(0.99)} ms, max ${latencies.at(-1)!.toFixed(1)} ms |`)
  console.log(`| whole burst until every chat answered | ${(elapsed / 1000).toFixed(2)} s |`)
  if (stored !== MESSAGES || answered !== MESSAGES || duplicateSends !== 0) process.exitCode = 1
} finally {
  await app.close()
  await ollama.close()
  rmSync(dir, { recursive: true, force: true })
}
