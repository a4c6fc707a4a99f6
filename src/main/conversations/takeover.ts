import type { ConversationPublisher } from './conversation-publisher'
import type { Clock } from '../kernel/clock'
import type { SettingsService } from '../settings/settings-service'
import type { Repositories } from '../store/repositories'

/** The repositories this module uses, and no others. */
type UsedRepositories = Pick<Repositories, 'conversations'>

export interface TakeoverDeps {
  /** Tells every screen a conversation changed, as stored. */
  publisher: ConversationPublisher
  repos: UsedRepositories
  settings: SettingsService
  /** The bot was answering when the owner stepped in: stop it, and count its last answer as not good enough. */
  onBotAnswerNotGoodEnough: (conversationId: string) => void
  clock?: Clock
}

/**
 * The owner writing in a chat — from the phone or from the app — means "I'll take it from
 * here": the bot goes quiet there for the configured pause, and the bot's last answer counts
 * as not good enough. Old owner messages (synced after the app was off) change nothing.
 */
export class Takeover {
  private readonly clock: Clock

  constructor(private readonly deps: TakeoverDeps) {
    this.clock = deps.clock ?? Date.now
  }

  ownerWrote(conversationId: string, at: Date): void {
    let conversation = this.deps.repos.conversations.get(conversationId)
    if (!conversation) return
    if (conversation.conversation.attention) {
      // The owner answered the customer who asked for a person: attended.
      this.deps.repos.conversations.setAttention(conversationId, null, null)
      conversation = this.deps.publisher.changed(conversationId)!
    }
    const pauseMs = this.deps.settings.get().whatsapp.takeoverPauseMinutes * 60_000
    const until = pauseMs > 0 ? new Date(at.getTime() + pauseMs) : null
    if (until && until.getTime() <= this.clock()) return
    const { botMode, botModeUntil } = conversation.conversation
    // A pause the owner set by hand stays as it is.
    if (botMode === 'paused') return
    // Extend, never shorten, an ongoing takeover; `null` (until switched back) is the longest.
    if (botMode === 'human' && (botModeUntil === null || (until && botModeUntil.getTime() >= until.getTime()))) return
    this.deps.repos.conversations.setBotMode(conversationId, 'human', until)
    if (botMode === 'bot') this.deps.onBotAnswerNotGoodEnough(conversationId)
    this.deps.publisher.changed(conversationId)
  }
}
