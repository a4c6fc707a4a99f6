import { ConversationPublisher } from './conversation-publisher'
import type { Clock } from '../kernel/clock'
import type { EventBus } from '../kernel/event-bus'
import type { SettingsService } from '../settings/settings-service'
import type { Repositories } from '../store/repositories'

/** The repositories this module uses, and no others. */
type UsedRepositories = Pick<Repositories, 'conversations'>

export interface TakeoverDeps {
  repos: UsedRepositories
  settings: SettingsService
  events: EventBus
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
  private readonly repos: UsedRepositories
  private readonly settings: SettingsService
  private readonly onBotAnswerNotGoodEnough: (conversationId: string) => void
  private readonly clock: Clock
  private readonly publisher: ConversationPublisher

  constructor(deps: TakeoverDeps) {
    this.repos = deps.repos
    this.settings = deps.settings
    this.onBotAnswerNotGoodEnough = deps.onBotAnswerNotGoodEnough
    this.clock = deps.clock ?? Date.now
    this.publisher = new ConversationPublisher(deps.repos.conversations, deps.events)
  }

  ownerWrote(conversationId: string, at: Date): void {
    let conversation = this.repos.conversations.get(conversationId)
    if (!conversation) return
    if (conversation.conversation.attention) {
      // The owner answered the customer who asked for a person: attended.
      this.repos.conversations.setAttention(conversationId, null, null)
      conversation = this.publisher.changed(conversationId)!
    }
    const pauseMs = this.settings.get().whatsapp.takeoverPauseMinutes * 60_000
    const until = pauseMs > 0 ? new Date(at.getTime() + pauseMs) : null
    if (until && until.getTime() <= this.clock()) return
    const { botMode, botModeUntil } = conversation.conversation
    // A pause the owner set by hand stays as it is.
    if (botMode === 'paused') return
    // Extend, never shorten, an ongoing takeover; `null` (until switched back) is the longest.
    if (botMode === 'human' && (botModeUntil === null || (until && botModeUntil.getTime() >= until.getTime()))) return
    this.repos.conversations.setBotMode(conversationId, 'human', until)
    if (botMode === 'bot') this.onBotAnswerNotGoodEnough(conversationId)
    this.publisher.changed(conversationId)
  }
}
