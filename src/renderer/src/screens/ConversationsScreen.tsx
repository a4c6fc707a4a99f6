import { useCallback, useEffect, useState } from 'react'
import type { ConversationDto } from '../../../shared/types'
import { useApi, useApiEvent } from '../api/api-context'
import { EmptyState } from '../components/EmptyState'
import { useT } from '../i18n/i18n'
import { ConversationList } from './conversations/ConversationList'
import { SimulatorPanel } from './conversations/SimulatorPanel'
import { Thread } from './conversations/Thread'

export function ConversationsScreen() {
  const api = useApi()
  const t = useT()
  const [conversations, setConversations] = useState<ConversationDto[] | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)

  useEffect(() => {
    api.call('conversations.list', { limit: 200 }).then(setConversations, () => setConversations([]))
  }, [api])

  useApiEvent(
    'conversation.updated',
    useCallback((updated: ConversationDto) => {
      setConversations((current) => {
        const others = (current ?? []).filter((c) => c.id !== updated.id)
        return [updated, ...others].sort((a, b) => (b.lastMessageAt ?? 0) - (a.lastMessageAt ?? 0))
      })
    }, []),
  )

  const selected = conversations?.find((c) => c.id === selectedId) ?? null
  return (
    <div className="conversations">
      <section className="conversation-column" aria-label={t('conversations.title')}>
        <h1 className="screen-title">{t('conversations.title')}</h1>
        {conversations && conversations.length === 0 ? (
          <EmptyState icon="💬" title={t('conversations.empty.title')} body={t('conversations.empty.body')} />
        ) : (
          <ConversationList conversations={conversations ?? []} selectedId={selectedId} onSelect={setSelectedId} />
        )}
      </section>
      <section className="thread-column">
        {selected ? <Thread conversation={selected} /> : <div className="thread-placeholder">{t('conversations.pickOne')}</div>}
      </section>
      <SimulatorPanel onSent={setSelectedId} />
    </div>
  )
}
