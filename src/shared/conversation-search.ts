import { foldSpanish } from './spanish-fold'
import type { ConversationDto } from './types'

/** What Conversaciones narrows its list to; the core filters in the database, the screen mirrors it for live updates. */
export interface ConversationSearch {
  /** Part of the customer's name or of their number. */
  query?: string
  /** `attention`: the customer asked for a person; `paused`: the bot does not answer there (paused or taken over). */
  show?: 'all' | 'attention' | 'paused'
  /** false: demo conversations stay out (the app's demo mode is off). */
  includeDemo?: boolean
}

/** A name as the owner types it: no accents, no ñ ("nunez" finds "Núñez"), no capitals, single spaces. */
export function foldName(value: string): string {
  return foldSpanish(value).replace(/ñ/g, 'n').replace(/\s+/g, ' ').trim()
}

/** Fewer digits than this match part of nearly every number, so they do not search numbers. */
export const MIN_NUMBER_DIGITS = 3

/** The same rule the core applies in SQL, for a chat that changes while a search is shown. */
export function conversationMatches(conversation: ConversationDto, search: ConversationSearch): boolean {
  if (search.includeDemo === false && conversation.isDemo) return false
  if (search.show === 'attention' && conversation.attention === null) return false
  if (search.show === 'paused' && conversation.botMode === 'bot') return false
  const text = search.query ? foldName(search.query) : ''
  if (!text) return true
  const { contact } = conversation
  if (contact.displayName && foldName(contact.displayName).includes(text)) return true
  if (contact.transport === 'simulator' && foldName(contact.externalId).includes(text)) return true
  const digits = text.replace(/\D/g, '')
  return contact.transport === 'whatsapp' && digits.length >= MIN_NUMBER_DIGITS && contact.externalId.split('@')[0]!.replace(/\D/g, '').includes(digits)
}
