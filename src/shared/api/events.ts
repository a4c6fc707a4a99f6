import type { ModelPullDto, SetupDto } from '../setup'
import type { CycleRunDto, ModelVersionDto, TrainingProgress, TrainingRunDto } from '../types'
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
  /** The voice-note model's download moved (its `name` is the model id). */
  'voice.pull': ModelPullDto
  /** A turn of the learning cycle moved (started, trained, watched). */
  'cycle.updated': CycleRunDto
  /** A turn (or its watch) ended with a summary for the owner: the card, and the desktop's notification. */
  'cycle.summary': CycleRunDto
  /** A first-day step changed (done, skipped, opened). */
  'setup.changed': SetupDto
}

export interface OwnerAlert {
  /**
   * `human_request`: the customer asked for a person. The others come from photos and voice notes:
   * `photo_missing` (a customer asked for a product photo the catalog lacks), `media_unread` (a photo
   * or voice note the bot could not see or hear), `likely_sale` (a payment receipt, to confirm).
   */
  kind: 'human_request' | 'photo_missing' | 'media_unread' | 'likely_sale'
  conversationId: string
  customerName: string
  /** human_request: what the customer wrote; the others: the sentence for the owner, in Spanish. */
  text: string
  at: number
}

export type ApiEventName = keyof ApiEvents

export interface ApiEventEnvelope<E extends ApiEventName = ApiEventName> {
  event: E
  payload: ApiEvents[E]
}
