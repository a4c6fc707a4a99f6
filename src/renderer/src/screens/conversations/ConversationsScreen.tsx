import { useCallback, useEffect, useRef, useState } from 'react'
import type { ConversationDto, WhatsappState } from '../../../../shared/types'
import { useApi, useApiEvent } from '../../api/api-context'
import { EmptyState } from '../../components/EmptyState'
import { useT } from '../../i18n/i18n'
import { ConversationList } from './ConversationList'
import { SimulatorPanel } from './SimulatorPanel'
import { Thread } from './Thread'

const PAGE = 100

const newestFirst = (a: ConversationDto, b: ConversationDto) => (b.lastMessageAt ?? 0) - (a.lastMessageAt ?? 0)

/** Adds a page of older chats; the ones already here are kept, events keep them current. */
function mergeOlder(current: ConversationDto[], page: ConversationDto[]): { merged: ConversationDto[]; added: number } {
  const known = new Set(current.map((c) => c.id))
  const fresh = page.filter((c) => !known.has(c.id))
  return { merged: fresh.length ? [...current, ...fresh].sort(newestFirst) : current, added: fresh.length }
}

export function ConversationsScreen({
  takeoverPauseMinutes,
  whatsappState,
  initialConversationId = null,
}: {
  takeoverPauseMinutes: number | null
  whatsappState: WhatsappState | null
  /** Opens this chat (an owner alert's "Abrir chat"). */
  initialConversationId?: string | null
}) {
  const api = useApi()
  const t = useT()
  const [conversations, setConversations] = useState<ConversationDto[] | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(initialConversationId)
  const [hasMore, setHasMore] = useState(false)
  const [loadingMore, setLoadingMore] = useState(false)
  const [loadFailed, setLoadFailed] = useState(false)
  // The list itself, for the pager: it runs from scroll callbacks, not from renders.
  const latest = useRef<ConversationDto[]>([])
  const paging = useRef(false)

  useEffect(() => {
    latest.current = conversations ?? []
  }, [conversations])

  useEffect(() => {
    let live = true
    api.call('conversations.list', { limit: PAGE }).then(
      (page) => {
        if (!live) return
        setConversations((current) => (current ? mergeOlder(current, page).merged : page))
        setHasMore(page.length === PAGE)
      },
      () => {
        if (!live) return
        setConversations((current) => current ?? [])
        setLoadFailed(true)
      },
    )
    return () => {
      live = false
    }
  }, [api])

  const loadOlder = useCallback(async () => {
    if (paging.current) return
    const oldest = latest.current.findLast((c) => c.lastMessageAt !== null)?.lastMessageAt
    if (oldest === undefined || oldest === null) return
    paging.current = true
    setLoadingMore(true)
    setLoadFailed(false)
    try {
      // The cursor is strict ("older than"), and many chats can share a timestamp (WhatsApp
      // stamps history to the second): asking from just past the oldest one shown keeps its
      // twins in, and the ids already here are dropped.
      let page = await api.call('conversations.list', { limit: PAGE, before: oldest + 1 })
      let { merged, added } = mergeOlder(latest.current, page)
      if (added === 0 && page.length === PAGE) {
        // A whole page of twins: step past that instant rather than stall.
        page = await api.call('conversations.list', { limit: PAGE, before: oldest })
        ;({ merged, added } = mergeOlder(latest.current, page))
      }
      latest.current = merged
      // Merged into whatever events changed meanwhile, not over it.
      setConversations((current) => mergeOlder(current ?? [], page).merged)
      setHasMore(page.length === PAGE && added > 0)
    } catch {
      setLoadFailed(true)
    } finally {
      paging.current = false
      setLoadingMore(false)
    }
  }, [api])

  const onNearEnd = useCallback(() => {
    if (hasMore && !loadFailed) void loadOlder()
  }, [hasMore, loadFailed, loadOlder])

  useApiEvent(
    'conversation.updated',
    useCallback((updated: ConversationDto) => {
      setConversations((current) => {
        const others = (current ?? []).filter((c) => c.id !== updated.id)
        return [updated, ...others].sort(newestFirst)
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
          <ConversationList
            conversations={conversations ?? []}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onNearEnd={onNearEnd}
            footer={
              loadingMore ? (
                <div className="list-footer">{t('conversations.loadingMore')}</div>
              ) : loadFailed && hasMore ? (
                <div className="list-footer">
                  {t('conversations.loadMoreFailed')}{' '}
                  <button type="button" className="link-button" onClick={() => void loadOlder()}>
                    {t('conversations.retry')}
                  </button>
                </div>
              ) : null
            }
          />
        )}
      </section>
      <section className="thread-column">
        {selected ? (
          <Thread conversation={selected} takeoverPauseMinutes={takeoverPauseMinutes} whatsappState={whatsappState} />
        ) : (
          <div className="thread-placeholder">{t('conversations.pickOne')}</div>
        )}
      </section>
      <SimulatorPanel onSent={setSelectedId} />
    </div>
  )
}
