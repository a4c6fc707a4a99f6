import type { ConversationSearch } from '../../../../shared/conversation-search'
import { useT } from '../../i18n/i18n'

const SHOWS = ['all', 'attention', 'paused'] as const

/** Search by name or number, and the chats that need the owner; the core filters, so every page of chats is searched. */
export function ConversationFilters({
  search,
  onChange,
}: {
  search: Required<Pick<ConversationSearch, 'query' | 'show'>>
  onChange: (next: Required<Pick<ConversationSearch, 'query' | 'show'>>) => void
}) {
  const t = useT()
  return (
    <div className="conversation-filters" data-testid="conversation-filters">
      <input
        type="search"
        value={search.query}
        placeholder={t('conversations.search.placeholder')}
        aria-label={t('conversations.search.label')}
        onChange={(e) => onChange({ ...search, query: e.target.value })}
      />
      <div className="segmented" role="group" aria-label={t('conversations.show.label')}>
        {SHOWS.map((show) => (
          <button key={show} type="button" className={search.show === show ? 'active' : ''} aria-pressed={search.show === show} onClick={() => onChange({ ...search, show })}>
            {t(`conversations.show.${show}`)}
          </button>
        ))}
      </div>
    </div>
  )
}
