import type { ConversationPublisher } from '../conversations/conversation-publisher'
import type { Clock } from '../kernel/clock'
import type { EventBus } from '../kernel/event-bus'
import { toMessageDto } from '../conversations/dto'
import type { Logger } from '../kernel/logger'
import type { WriteHealth } from '../store/disk-full'
import type { Repositories } from '../store/repositories'
import type { KeyedQueue } from './keyed-queue'
import type { Responder } from './responder'

/** The repositories this module uses, and no others. */
type UsedRepositories = Pick<Repositories, 'conversations' | 'messages'>

export interface RouterDeps {
  /** Tells every screen a conversation changed, as stored. */
  publisher: ConversationPublisher
  repos: UsedRepositories
  responder: Responder
  /** One answer at a time per chat. */
  queue: KeyedQueue
  events: EventBus
  logger: Logger
  clock?: Clock
  /** Told when the disk refuses a write (the reply then stays pending for the disk-full retry). */
  health?: WriteHealth | null
}

/**
 * Decides what happens to a stored customer message: the bot answers it, or — when the
 * owner has paused the bot or taken the chat over — it is left for the owner. Customers send
 * bursts ("hola" / "una pregunta" / "cuánto vale…"): `schedule` waits for a quiet moment so a
 * burst gets one answer.
 */
export class Router {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; done: Promise<void>; resolve: () => void }>()

  private readonly clock: Clock
  private readonly health: WriteHealth | null

  constructor(private readonly deps: RouterDeps) {
    this.clock = deps.clock ?? Date.now
    this.health = deps.health ?? null
  }

  /** Routes after `delayMs` without new messages in the chat (0 = now). */
  schedule(conversationId: string, delayMs: number): Promise<void> {
    if (delayMs <= 0) return this.route(conversationId)
    const pending = this.timers.get(conversationId)
    if (pending) clearTimeout(pending.timer)
    let resolve = () => {}
    const done = pending?.done ?? new Promise<void>((r) => (resolve = r))
    if (pending) resolve = pending.resolve
    const timer = setTimeout(() => {
      this.timers.delete(conversationId)
      void this.route(conversationId).finally(resolve).catch((error: unknown) => this.deps.logger.error('Answering a conversation failed', { conversationId, error }))
    }, delayMs)
    this.timers.set(conversationId, { timer, done, resolve })
    return done
  }

  route(conversationId: string): Promise<void> {
    return this.deps.queue.run(conversationId, async () => {
      try {
        await this.routeNow(conversationId)
      } catch (error) {
        // A full disk rolled the writes back: the messages are still pending and are answered
        // by the retry once there is space.
        if (this.health?.writeFailed(error)) return
        this.deps.logger.error('Answering a conversation failed', { conversationId, error })
      }
    })
  }

  private async routeNow(conversationId: string): Promise<void> {
    let conversation = this.deps.repos.conversations.get(conversationId)
    if (!conversation) return
    const { botMode, botModeUntil } = conversation.conversation
    if (botMode !== 'bot' && botModeUntil && botModeUntil.getTime() <= this.clock()) {
      // The takeover pause is over: the bot answers this chat again.
      this.deps.repos.conversations.setBotMode(conversationId, 'bot')
      conversation = this.deps.publisher.changed(conversationId)!
    }
    if (conversation.conversation.botMode !== 'bot') {
      const waiting = this.deps.repos.messages.awaitingReply(conversationId).map((m) => m.id)
      for (const m of this.deps.repos.messages.setReplyState(waiting, 'skipped')) this.deps.events.emit('message.updated', toMessageDto(m))
      return
    }
    await this.deps.responder.respond(conversationId)
  }

  /** Answers every conversation whose messages waited for the model, or for a reply when the app stopped. */
  resumeWaiting(): Promise<void[]> {
    return Promise.all(this.deps.repos.messages.conversationsAwaitingReply().map((id) => this.route(id)))
  }

  /** Chats whose customer is waiting: debounced for their quiet moment, or being answered. */
  get customersWaiting(): boolean {
    return this.timers.size > 0 || this.deps.queue.busy
  }

  /** Debounced chats still waiting for their quiet moment. */
  async idle(): Promise<void> {
    while (this.timers.size > 0) await Promise.all([...this.timers.values()].map((t) => t.done))
  }

  /** Shutdown: what was still being debounced stays `pending` and is answered at next start. */
  cancelScheduled(): void {
    for (const [conversationId, pending] of this.timers) {
      clearTimeout(pending.timer)
      this.timers.delete(conversationId)
      pending.resolve()
    }
  }
}
