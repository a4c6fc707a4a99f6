import type { AppStatus, WhatsappStatus } from '../../shared/types'
import type { EventBus } from '../kernel/event-bus'
import type { LlmService } from '../llm/llm-service'
import type { MessagesRepository } from '../store/repositories/messages-repository'

/** The repositories this module uses — it only reads them, so only their read methods. */
interface ReadOnlyRepositories {
  messages: Pick<MessagesRepository, 'countByReplyState'>
}

export interface StatusDeps {
  version: string
  llm: LlmService
  repos: ReadOnlyRepositories
  events: EventBus
  whatsapp: () => WhatsappStatus
  diskFull?: () => boolean
}

/** Assembles what the status bar shows and pushes it whenever a part of it changes. */
export class StatusService {
  private lastSent = ''
  private readonly diskFull: () => boolean

  constructor(private readonly deps: StatusDeps) {
    this.diskFull = deps.diskFull ?? (() => false)
    deps.llm.onStatus(() => this.publish())
  }

  get(): AppStatus {
    return {
      version: this.deps.version,
      whatsapp: this.deps.whatsapp(),
      llm: this.deps.llm.status(),
      waitingForModel: this.deps.repos.messages.countByReplyState('waiting_model'),
      diskFull: this.diskFull(),
    }
  }

  /** Emits `status.changed` only when something visible changed. */
  publish(): void {
    const status = this.get()
    const key = JSON.stringify({ ...status, llm: { ...status.llm, checkedAt: null } })
    if (key === this.lastSent) return
    this.lastSent = key
    this.deps.events.emit('status.changed', status)
  }
}
