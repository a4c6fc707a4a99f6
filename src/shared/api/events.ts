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
}

export type ApiEventName = keyof ApiEvents

export interface ApiEventEnvelope<E extends ApiEventName = ApiEventName> {
  event: E
  payload: ApiEvents[E]
}
