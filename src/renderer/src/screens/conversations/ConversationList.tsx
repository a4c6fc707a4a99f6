import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'
import type { ConversationDto } from '../../../../shared/types'
import { TransportIcon } from '../../components/TransportIcon'
import { contactLabel, formatListTime } from '../../format'
import { useNumberLocale, useT } from '../../i18n/i18n'
import { kindFromPreview, kindLabel } from './message-kind'

/** Rows are one fixed height (name and preview never wrap), so none needs measuring. */
const ROW_HEIGHT = 64
/** How close to the end of what is loaded the next page is asked for. */
const PREFETCH_ROWS = 20

/**
 * The chat list, windowed: only the rows in view (plus a few) are in the DOM, so thousands of
 * chats scroll like ten. Nearing the end asks for older ones through `onNearEnd`.
 */
export function ConversationList({
  conversations,
  selectedId,
  onSelect,
  onNearEnd,
  footer,
}: {
  conversations: ConversationDto[]
  selectedId: string | null
  onSelect: (id: string) => void
  onNearEnd: () => void
  footer: ReactNode
}) {
  const t = useT()
  const numberLocale = useNumberLocale()
  const scroller = useRef<HTMLDivElement>(null)
  // The virtualizer keeps mutable state that React Compiler cannot track; this component is
  // not memoized by it, so that is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: conversations.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => conversations[index]?.id ?? index,
    overscan: 8,
  })
  const unread = (count: number) => t(count === 1 ? 'conversations.unread.one' : 'conversations.unread.other', { count })
  const rows = virtualizer.getVirtualItems()
  const lastShown = rows.at(-1)?.index ?? -1

  useEffect(() => {
    if (conversations.length > 0 && lastShown >= conversations.length - PREFETCH_ROWS) onNearEnd()
  }, [lastShown, conversations.length, onNearEnd])

  // Arrow keys walk the chats; the next row may not exist in the DOM until scrolled to.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const current = conversations.findIndex((c) => c.id === selectedId)
    const next = Math.min(conversations.length - 1, Math.max(0, current + (event.key === 'ArrowDown' ? 1 : -1)))
    const target = conversations[next]
    if (!target) return
    event.preventDefault()
    onSelect(target.id)
    virtualizer.scrollToIndex(next, { align: 'auto' })
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLButtonElement>(`[data-index="${next}"] button`)?.focus())
  }

  return (
    <div className="conversation-scroll" ref={scroller}>
      <ul
        className="conversation-list"
        data-testid="conversation-list"
        data-loaded={conversations.length}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {rows.map((row) => {
          const c = conversations[row.index]!
          const name = contactLabel(c.contact)
          const previewKind = kindFromPreview(c.lastMessagePreview)
          return (
            <li
              key={row.key}
              data-index={row.index}
              aria-setsize={conversations.length}
              aria-posinset={row.index + 1}
              style={{ height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
            >
              <button
                type="button"
                className={c.id === selectedId ? 'conversation-item active' : 'conversation-item'}
                aria-current={c.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(c.id)}
              >
                <div className="avatar-wrap">
                  <div className="avatar" aria-hidden="true">
                    {name.replace(/^\+/, '').slice(0, 1).toUpperCase()}
                  </div>
                  <TransportIcon transport={c.contact.transport} />
                </div>
                <div className="conversation-body">
                  <div className="conversation-top">
                    <span className="conversation-name">{name}</span>
                    <span className="conversation-time">{c.lastMessageAt ? formatListTime(c.lastMessageAt, undefined, numberLocale) : ''}</span>
                  </div>
                  <div className="conversation-bottom">
                    <span className="conversation-preview">
                      {previewKind ? kindLabel(previewKind, t) : (c.lastMessagePreview ?? t('conversations.noMessages'))}
                    </span>
                    {c.attention && (
                      <span className="badge attention" data-testid="attention-badge" title={t(`conversations.attention.${c.attention}.title`)}>
                        {t(`conversations.attention.${c.attention}`)}
                      </span>
                    )}
                    <span className={`badge mode-${c.botMode}`} data-testid="mode-badge">
                      {t(`conversations.mode.${c.botMode}`)}
                    </span>
                    {c.unreadCount > 0 && (
                      <span className="badge unread" data-testid="unread-badge" title={unread(c.unreadCount)}>
                        <span aria-hidden="true">{c.unreadCount > 99 ? '99+' : c.unreadCount}</span>
                        <span className="sr-only">{unread(c.unreadCount)}</span>
                      </span>
                    )}
                  </div>
                </div>
              </button>
            </li>
          )
        })}
      </ul>
      {footer}
    </div>
  )
}
