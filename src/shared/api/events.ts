import type { ModelPullDto, SetupDto } from '../setup'
import type { ModelVersionDto, TrainingProgress, TrainingRunDto } from '../types'
import type { AppStatus, CaptureHealth, ConversationDto, DatasetDto, DatasetProgress, ExchangeDto, MessageDto, WhatsappStatus } from '../types'

/** Everything the core pushes to its clients, by event name. */
export interface ApiEvents {
  'conversation.updated': ConversationDto
  'message.added': MessageDto
  'message.updated': MessageDto
  'status.changed': AppStatus
  'exchange.updated': ExchangeDto
  'capture.health': CaptureHealth
  'dataset.progress': DatasetProgress
  'dataset.updated': DatasetDto
  'whatsapp.status': WhatsappStatus
  /** Something the owner should act on now (the desktop shows a notification). */
  'owner.alert': OwnerAlert
  'training.progress': TrainingProgress
  'training.updated': TrainingRunDto
  'models.updated': ModelVersionDto[]
  /** The catalog changed (an edit, a deletion or an import): lists reload. */
  'catalog.changed': { count: number }
  /** A model download moved (bytes, speed, done, failed). */
  'models.pull': ModelPullDto
  /** A first-day step changed (done, skipped, opened). */
  'setup.changed': SetupDto
}

export interface OwnerAlert {
  kind: 'human_request'
  conversationId: string
  customerName: string
  /** What the customer wrote. */
  text: string
  at: number
}

export type ApiEventName = keyof ApiEvents

export interface ApiEventEnvelope<E extends ApiEventName = ApiEventName> {
  event: E
  payload: ApiEvents[E]
}
