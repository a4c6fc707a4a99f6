import { useCallback, useEffect, useRef, useState } from 'react'
import { conversationMatches, type ConversationSearch } from '../../../../shared/conversation-search'
import type { ConversationDto, WhatsappState } from '../../../../shared/types'
import { useApi, useApiEvent, useApiResync } from '../../api/api-context'
import { EmptyState } from '../../components/EmptyState'
import { useT } from '../../i18n/i18n'
import { ConversationFilters } from './ConversationFilters'
import { ConversationList } from './ConversationList'
import { SimulatorPanel } from './SimulatorPanel'
import { Thread } from './Thread'

const PAGE = 100
/** Typing pauses this long before the search goes to the core. */
const SEARCH_DELAY_MS = 250
/** What the owner types and picks; whether demo chats count is the app's demo mode, not a filter here. */
type OwnerSearch = Required<Pick<ConversationSearch, 'query' | 'show'>>
const NO_SEARCH: OwnerSearch = { query: '', show: 'all' }

const newestFirst = (a: ConversationDto, b: ConversationDto) => (b.lastMessageAt ?? 0) - (a.lastMessageAt ?? 0)

/** The newest page's input: the owner's filters only when they set one, so the plain list asks plainly. */
function newestPage(search: ConversationSearch) {
  const { query = '', show = 'all', includeDemo = false } = search
  const filtered = query.trim() !== '' || show !== 'all'
  return { limit: PAGE, includeDemo, ...(filtered ? { query, show } : {}) }
}

/** The newest page read again: its copies win (the shown ones may have missed events), older chats stay. */
function mergeNewest(current: ConversationDto[], page: ConversationDto[]): ConversationDto[] {
  const read = new Set(page.map((c) => c.id))
  return [...page, ...current.filter((c) => !read.has(c.id))].sort(newestFirst)
}

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
  demoMode = false,
}: {
  /** The app's demo mode: demo chats are listed only while it is on (App remounts this screen when it changes). */
  demoMode?: boolean
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
  // A phone shows one column at a time (styles.css): the list, the open chat, or "Probar el bot".
  const [phoneView, setPhoneView] = useState<'list' | 'thread' | 'simulator'>(initialConversationId ? 'thread' : 'list')
  const openConversation = useCallback((id: string) => {
    setSelectedId(id)
    setPhoneView('thread')
  }, [])
  // What the box shows now, and what the list was asked with (the box waits for a pause in typing).
  const [search, setSearch] = useState<OwnerSearch>(NO_SEARCH)
  const [applied, setApplied] = useState<OwnerSearch>(NO_SEARCH)
  // The list itself, for the pager: it runs from scroll callbacks, not from renders.
  const latest = useRef<ConversationDto[]>([])
  const appliedRef = useRef<ConversationSearch>({ ...applied, includeDemo: demoMode })
  const paging = useRef(false)

  useEffect(() => {
    latest.current = conversations ?? []
  }, [conversations])

  useEffect(() => {
    if (search.query === applied.query && search.show === applied.show) return
    const timer = setTimeout(
      () => {
        // A new search starts from an empty list: the answer, plus any event that lands meanwhile.
        setConversations(null)
        setApplied(search)
      },
      search.show !== applied.show ? 0 : SEARCH_DELAY_MS,
    )
    return () => clearTimeout(timer)
  }, [search, applied])

  useEffect(() => {
    let live = true
    appliedRef.current = { ...applied, includeDemo: demoMode }
    api.call('conversations.list', newestPage(appliedRef.current)).then(
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
  }, [api, applied, demoMode])

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
      const { query, show } = appliedRef.current
      const includeDemo = appliedRef.current.includeDemo ?? false
      let page = await api.call('conversations.list', { limit: PAGE, before: oldest + 1, query, show, includeDemo })
      let { merged, added } = mergeOlder(latest.current, page)
      if (added === 0 && page.length === PAGE) {
        // A whole page of twins: step past that instant rather than stall.
        page = await api.call('conversations.list', { limit: PAGE, before: oldest, query, show, includeDemo })
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
        // Under a search, a chat that stops matching (the bot back on) leaves the list, one that starts joins it.
        if (!conversationMatches(updated, appliedRef.current)) return current ? others : current
        return [updated, ...others].sort(newestFirst)
      })
    }, []),
  )

  // The newest page read again, its copies winning: for a chat asked for that the list does not
  // hold, and after a dropped connection.
  const readNewest = useCallback(() => {
    api.call('conversations.list', newestPage(appliedRef.current)).then(
      (page) => setConversations((current) => mergeNewest(current ?? [], page)),
      () => {},
    )
  }, [api])

  // A chat opened by id that the list does not hold — the simulator's new customer, an alert's
  // chat — is fetched with the newest page. Its event may have gone out before the live connection
  // opened (a page just loaded, a busy machine), and then nothing else would ever bring it. Once per
  // id: a chat the page does not hold either (filtered out) is not asked for again and again.
  const soughtIds = useRef(new Set<string>())
  useEffect(() => {
    if (selectedId === null || conversations === null || conversations.some((c) => c.id === selectedId) || soughtIds.current.has(selectedId)) return
    soughtIds.current.add(selectedId)
    readNewest()
  }, [readNewest, selectedId, conversations])

  // Back from a dropped connection (a phone that slept): chats that moved or began meanwhile.
  useApiResync(readNewest)

  const selected = conversations?.find((c) => c.id === selectedId) ?? null
  return (
    <div className="conversations" data-phone-view={phoneView}>
      <section className="conversation-column" aria-label={t('conversations.title')}>
        <div className="conversation-column-head">
          <h1 className="screen-title">{t('conversations.title')}</h1>
          <button type="button" className="phone-only" onClick={() => setPhoneView('simulator')}>
            {t('simulator.title')}
          </button>
        </div>
        <ConversationFilters search={search} onChange={setSearch} />
        {conversations && conversations.length === 0 && (applied.query.trim() !== '' || applied.show !== 'all') ? (
          <p className="hint conversation-no-match" role="status">
            {t('conversations.search.none')}
          </p>
        ) : conversations && conversations.length === 0 ? (
          <EmptyState icon="💬" title={t('conversations.empty.title')} body={t('conversations.empty.body')} />
        ) : (
          <ConversationList
            conversations={conversations ?? []}
            selectedId={selectedId}
            onSelect={openConversation}
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
        <button type="button" className="phone-only phone-back" aria-label={t('conversations.backToList')} title={t('conversations.backToList')} onClick={() => setPhoneView('list')}>
          ←
        </button>
        {selected ? (
          <Thread conversation={selected} takeoverPauseMinutes={takeoverPauseMinutes} whatsappState={whatsappState} />
        ) : (
          <div className="thread-placeholder">{t('conversations.pickOne')}</div>
        )}
      </section>
      <div className="simulator-column">
        <button type="button" className="phone-only phone-back" aria-label={t('conversations.backToList')} title={t('conversations.backToList')} onClick={() => setPhoneView('list')}>
          ←
        </button>
        <SimulatorPanel onSent={openConversation} />
      </div>
    </div>
  )
}
