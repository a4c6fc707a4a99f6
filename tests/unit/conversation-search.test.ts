import { describe, expect, it } from 'vitest'
import { conversationMatches } from '../../src/shared/conversation-search'
import type { ConversationDto } from '../../src/shared/types'

const chat = (over: Partial<ConversationDto> & { name?: string | null; externalId?: string; transport?: 'whatsapp' | 'simulator' }): ConversationDto => ({
  id: 'c1',
  contact: { id: 'k1', transport: over.transport ?? 'whatsapp', externalId: over.externalId ?? '573001234567@s.whatsapp.net', displayName: over.name === undefined ? 'José Núñez' : over.name },
  botMode: over.botMode ?? 'bot',
  lastMessageAt: 1,
  lastMessagePreview: null,
  unreadCount: 0,
  attention: over.attention ?? null,
  attentionAt: null,
  focusProduct: null,
  isDemo: over.isDemo ?? false,
})

// The screen keeps a searched list current from events with the rule the core applies in SQL.
describe('conversationMatches mirrors the core search', () => {
  it('matches names folded and numbers by their digits', () => {
    expect(conversationMatches(chat({}), { query: 'JOSE nunez' })).toBe(true)
    expect(conversationMatches(chat({}), { query: '300 123 4567' })).toBe(true)
    expect(conversationMatches(chat({}), { query: 'ana' })).toBe(false)
    // Two digits are part of nearly every number: not a number search.
    expect(conversationMatches(chat({ name: null }), { query: '57' })).toBe(false)
    expect(conversationMatches(chat({ transport: 'simulator', externalId: 'Camila', name: null }), { query: 'camila' })).toBe(true)
  })

  it('leaves demo chats out when demo mode is off, as the core does', () => {
    expect(conversationMatches(chat({ isDemo: true }), { includeDemo: false })).toBe(false)
    expect(conversationMatches(chat({ isDemo: true }), { includeDemo: true })).toBe(true)
    expect(conversationMatches(chat({ isDemo: false }), { includeDemo: false })).toBe(true)
  })

  it('keeps a chat under "Bot en pausa" or "Piden atención" only while it is so', () => {
    expect(conversationMatches(chat({ botMode: 'human' }), { show: 'paused' })).toBe(true)
    expect(conversationMatches(chat({ botMode: 'bot' }), { show: 'paused' })).toBe(false)
    expect(conversationMatches(chat({ attention: 'human_request' }), { show: 'attention' })).toBe(true)
    expect(conversationMatches(chat({}), { show: 'attention' })).toBe(false)
    expect(conversationMatches(chat({}), { show: 'all', query: '' })).toBe(true)
  })
})
