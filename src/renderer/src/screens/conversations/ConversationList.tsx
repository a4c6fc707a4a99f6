import type { ConversationDto } from '../../../../shared/types'
import type { MessageKey } from '../../i18n/es'
import { useT } from '../../i18n/i18n'
import { formatTime } from '../../format'

export function ConversationList({
  conversations,
  selectedId,
  onSelect,
}: {
  conversations: ConversationDto[]
  selectedId: string | null
  onSelect: (id: string) => void
}) {
  const t = useT()
  return (
    <ul className="conversation-list" data-testid="conversation-list">
      {conversations.map((c) => (
        <li key={c.id}>
          <button
            type="button"
            className={c.id === selectedId ? 'conversation-item active' : 'conversation-item'}
            onClick={() => onSelect(c.id)}
          >
            <div className="avatar" aria-hidden="true">
              {(c.contact.displayName ?? c.contact.externalId).slice(0, 1).toUpperCase()}
            </div>
            <div className="conversation-body">
              <div className="conversation-top">
                <span className="conversation-name">{c.contact.displayName ?? c.contact.externalId}</span>
                <span className="conversation-time">{c.lastMessageAt ? formatTime(c.lastMessageAt) : ''}</span>
              </div>
              <div className="conversation-bottom">
                <span className="conversation-preview">{c.lastMessagePreview ?? t('conversations.noMessages')}</span>
                {c.contact.transport === 'simulator' && <span className="badge neutral">{t('conversations.simulated')}</span>}
                <span className={`badge mode-${c.botMode}`}>{t(`conversations.mode.${c.botMode}` as MessageKey)}</span>
                {c.unreadCount > 0 && <span className="badge unread">{c.unreadCount}</span>}
              </div>
            </div>
          </button>
        </li>
      ))}
    </ul>
  )
}
