import type { AppStatus, WhatsappStatus } from '../../shared/types'
import type { EventBus } from '../kernel/event-bus'
import type { LlmService } from '../llm/llm-service'
import type { Repositories } from '../store/repositories'

/** The repositories this module uses, and no others. */
type UsedRepositories = Pick<Repositories, 'messages'>

/** Assembles what the status bar shows and pushes it whenever a part of it changes. */
export class StatusService {
  private lastSent = ''

  constructor(
    private readonly version: string,
    private readonly llm: LlmService,
    private readonly repos: UsedRepositories,
    private readonly events: EventBus,
    private readonly whatsapp: () => WhatsappStatus,
    private readonly diskFull: () => boolean = () => false,
  ) {
    llm.onStatus(() => this.publish())
  }

  get(): AppStatus {
    return {
      version: this.version,
      whatsapp: this.whatsapp(),
      llm: this.llm.status(),
      waitingForModel: this.repos.messages.countByReplyState('waiting_model'),
      diskFull: this.diskFull(),
    }
  }

  /** Emits `status.changed` only when something visible changed. */
  publish(): void {
    const status = this.get()
    const key = JSON.stringify({ ...status, llm: { ...status.llm, checkedAt: null } })
    if (key === this.lastSent) return
    this.lastSent = key
    this.events.emit('status.changed', status)
  }
}
