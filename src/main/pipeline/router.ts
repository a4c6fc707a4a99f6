import type { EventBus } from '../app/event-bus'
import { toMessageDto } from '../conversations/dto'
import type { Logger } from '../logging/logger'
import type { Repositories } from '../store/repositories'
import type { KeyedQueue } from './keyed-queue'
import type { Responder } from './responder'

/**
 * Decides what happens to a stored customer message: the bot answers it, or — when the
 * owner has paused the bot or taken the chat over — it is left for the owner.
 */
export class Router {
  constructor(
    private readonly repos: Repositories,
    private readonly responder: Responder,
    private readonly queue: KeyedQueue,
    private readonly events: EventBus,
    private readonly logger: Logger,
  ) {}

  route(conversationId: string): Promise<void> {
    return this.queue.run(conversationId, async () => {
      const conversation = this.repos.conversations.get(conversationId)
      if (!conversation) return
      if (conversation.conversation.botMode !== 'bot') {
        const waiting = this.repos.messages.awaitingReply(conversationId).map((m) => m.id)
        for (const m of this.repos.messages.setReplyState(waiting, 'skipped')) this.events.emit('message.updated', toMessageDto(m))
        return
      }
      try {
        await this.responder.respond(conversationId)
      } catch (error) {
        this.logger.error('Answering a conversation failed', { conversationId, error })
      }
    })
  }

  /** Answers every conversation whose messages waited for the model. */
  resumeWaiting(): Promise<void[]> {
    return Promise.all(this.repos.messages.conversationsWaitingForModel().map((id) => this.route(id)))
  }
}
