// A whole app in a child process, for tests that kill it with SIGKILL at a chosen step of the
// reply path. Run with tsx: `tsx tests/support/reply-path-child.ts <dataDir> <sendsFile> <customer text>`.
// AUTODIDACTA_FAULT_KILL_AT names the step (receive | generate | guard | enqueue | send | capture);
// without it the app starts on the data dir, lets what a crash left behind settle, and exits 0.
// Everything the simulator transport delivers is appended to <sendsFile> as one JSON line (its
// message id included) so the parent counts the sends across runs: the hooks live here, in test
// scaffolding, not in src/.
import { appendFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { createApp } from '../../src/main/app/create-app'
import { silentLogger } from '../../src/main/kernel/logger'
import { SimulatorTransport } from '../../src/main/simulator/simulator-transport'
import { startOllamaDouble } from './ollama-double'

type ReplyPathStep = 'receive' | 'generate' | 'guard' | 'enqueue' | 'send' | 'capture'

/** Exit codes the parent tells apart from a kill (kept in step with reply-path-crash.test.ts). */
const CHILD_EXIT = { settled: 0, stepNotReached: 3, notSettled: 4 } as const

const BOT_REPLY = 'Sí, tenemos zapatos en talla 38. ¿Te aparto un par?'

async function main(): Promise<void> {
  const [dataDir, sendsFile, customerText] = process.argv.slice(2)
  if (!dataDir || !sendsFile) throw new Error('usage: reply-path-child <dataDir> <sendsFile> [customer text]')
  const killAt = process.env.AUTODIDACTA_FAULT_KILL_AT ?? ''
  const die = (step: ReplyPathStep) => {
    if (step === killAt) process.kill(process.pid, 'SIGKILL')
  }

  // The simulator made to behave as WhatsApp does: the id is chosen before the first attempt
  // and a resend with the same id is the same message (WhatsApp drops the duplicate).
  Object.assign(SimulatorTransport.prototype, {
    newMessageId: () => `sim-out-${randomUUID()}`,
    async send(to: string, text: string, options: { messageId?: string } = {}) {
      const id = options.messageId ?? `sim-out-${randomUUID()}`
      appendFileSync(sendsFile, JSON.stringify({ to, text, id }) + '\n')
      // Delivered, but the row not yet marked sent.
      die('send')
      return { externalId: id }
    },
    // The responder turns "escribiendo…" off once the guarded reply is ready, before storing it.
    async typing(_to: string, on: boolean) {
      if (!on) die('guard')
    },
  })

  const ollama = await startOllamaDouble({
    reply: () => {
      die('generate')
      return BOT_REPLY
    },
  })
  const app = await createApp({ dataDir, version: '0.0.0-test', logger: silentLogger, env: { OLLAMA_HOST: ollama.url } })
  app.events.subscribe((event, payload) => {
    if (event === 'message.added') {
      const message = payload as { author: string }
      if (message.author === 'customer') die('receive')
      if (message.author === 'bot') die('enqueue')
    }
    if (event === 'message.updated') {
      const message = payload as { author: string; status: string }
      // The outbox marked it sent; the learning capture is next.
      if (message.author === 'bot' && message.status === 'sent') die('capture')
    }
  })

  if (customerText) {
    const result = await app.dispatch('simulator.send', { from: 'Ana', text: customerText })
    if (!result.ok) throw new Error(result.error.message)
  }
  const deadline = Date.now() + 20_000
  const settled = () => app.repos.messages.conversationsAwaitingReply().length === 0 && app.repos.messages.queuedOutbound().length === 0
  while (!settled() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25))
  await app.idle()
  const ok = settled()
  await app.close()
  await ollama.close()
  process.exit(killAt ? CHILD_EXIT.stepNotReached : ok ? CHILD_EXIT.settled : CHILD_EXIT.notSettled)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
