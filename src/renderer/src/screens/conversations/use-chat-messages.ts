import { useCallback, useEffect, useRef, useState } from 'react'
import type { MessageDto } from '../../../../shared/types'
import { useApi, useApiEvent, useApiResync } from '../../api/api-context'

const NONE: MessageDto[] = []

/**
 * One chat's latest messages, kept current: read when the chat opens, followed by the message
 * events, and read again when the live connection comes back (what arrived while it was down).
 * A null id shows nothing. On a failed read the chat shows what it has (nothing, at first).
 * `upsert` shows a message the window itself sent, before its event comes.
 */
export function useChatMessages(conversationId: string | null, limit: number): { messages: MessageDto[]; upsert: (message: MessageDto) => void } {
  const api = useApi()
  // Held with the chat they belong to, so another chat's messages never show while its own load.
  const [held, setHeld] = useState<{ conversationId: string | null; messages: MessageDto[] }>({ conversationId, messages: [] })
  const messages = held.conversationId === conversationId ? held.messages : NONE
  const setMessages = useCallback(
    (change: (current: MessageDto[]) => MessageDto[]) =>
      setHeld((current) => ({ conversationId, messages: change(current.conversationId === conversationId ? current.messages : NONE) })),
    [conversationId],
  )
  // Messages an event brought since the current read was asked: newer than what it will answer.
  const touched = useRef(new Set<string>())
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    if (conversationId === null) return
    let live = true
    touched.current = new Set()
    api.call('conversations.messages', { conversationId, limit }).then(
      (list) => live && setMessages((current) => mergeRead(list, current, conversationId, touched.current)),
      () => {},
    )
    return () => {
      live = false
    }
  }, [api, conversationId, limit, generation, setMessages])

  const upsert = useCallback(
    (message: MessageDto) => {
      if (message.conversationId !== conversationId) return
      touched.current.add(message.id)
      setMessages((current) => {
        const index = current.findIndex((m) => m.id === message.id)
        if (index === -1) return [...current, message]
        const next = current.slice()
        next[index] = message
        return next
      })
    },
    [conversationId, setMessages],
  )
  useApiEvent('message.added', upsert)
  useApiEvent('message.updated', upsert)
  useApiResync(useCallback(() => setGeneration((g) => g + 1), []))
  return { messages, upsert }
}

/**
 * A read merged with what is shown: the read wins (it carries what events missed: a status that
 * moved to "leído", a message that came in while offline), except for messages an event brought
 * while it was on its way, which are newer. Shown messages the read does not hold stay.
 */
function mergeRead(list: MessageDto[], current: MessageDto[], conversationId: string, touched: ReadonlySet<string>): MessageDto[] {
  const shown = new Map(current.filter((m) => m.conversationId === conversationId).map((m) => [m.id, m]))
  if (shown.size === 0) return list
  const merged = list.map((m) => (touched.has(m.id) ? (shown.get(m.id) ?? m) : m))
  const read = new Set(list.map((m) => m.id))
  for (const m of shown.values()) if (!read.has(m.id)) merged.push(m)
  return merged.sort((a, b) => a.createdAt - b.createdAt)
}
