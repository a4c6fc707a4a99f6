import type { MessageKey } from '../i18n/es'
import { useT } from '../i18n/i18n'

export type ScreenId = 'conversations' | 'review' | 'stats' | 'training' | 'catalog' | 'settings' | 'pairing'

const ITEMS: { id: ScreenId; label: MessageKey; icon: string }[] = [
  { id: 'conversations', label: 'nav.conversations', icon: '💬' },
  { id: 'review', label: 'nav.review', icon: '✅' },
  { id: 'stats', label: 'nav.stats', icon: '📊' },
  { id: 'training', label: 'nav.training', icon: '🧠' },
  { id: 'catalog', label: 'nav.catalog', icon: '🛍️' },
  { id: 'settings', label: 'nav.settings', icon: '⚙️' },
  { id: 'pairing', label: 'nav.pairing', icon: '📱' },
]

export function Sidebar({ current, onSelect }: { current: ScreenId; onSelect: (id: ScreenId) => void }) {
  const t = useT()
  return (
    <nav className="sidebar" aria-label="Secciones">
      <div className="brand">
        <div className="brand-name">{t('app.name')}</div>
        <div className="brand-tagline">{t('app.tagline')}</div>
      </div>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className={item.id === current ? 'nav-item active' : 'nav-item'}
              aria-current={item.id === current ? 'page' : undefined}
              onClick={() => onSelect(item.id)}
            >
              <span className="nav-icon" aria-hidden="true">
                {item.icon}
              </span>
              {t(item.label)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
