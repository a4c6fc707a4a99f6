import type { SetupDto, SetupStepId } from '../../../shared/setup'
import type { MessageKey } from '../i18n/es'
import { useT } from '../i18n/i18n'
import { SetupChecklist } from './SetupChecklist'

export type ScreenId = 'setup' | 'conversations' | 'review' | 'stats' | 'training' | 'catalog' | 'settings' | 'pairing'

const ITEMS: { id: ScreenId; label: MessageKey; icon: string }[] = [
  { id: 'conversations', label: 'nav.conversations', icon: '💬' },
  // Second: a shop is not selling until it is linked, so the owner should not have to look for it.
  { id: 'pairing', label: 'nav.pairing', icon: '📱' },
  { id: 'review', label: 'nav.review', icon: '✅' },
  { id: 'stats', label: 'nav.stats', icon: '📊' },
  { id: 'training', label: 'nav.training', icon: '🧠' },
  { id: 'catalog', label: 'nav.catalog', icon: '🛍️' },
  { id: 'settings', label: 'nav.settings', icon: '⚙️' },
]

export function Sidebar({
  current,
  onSelect,
  setup,
  setupStep,
  onOpenStep,
}: {
  current: ScreenId
  onSelect: (id: ScreenId) => void
  /** Shown as a checklist until every step is done. */
  setup: SetupDto | null
  setupStep: SetupStepId | null
  onOpenStep: (step: SetupStepId) => void
}) {
  const t = useT()
  return (
    <div className="sidebar">
      <div className="brand">
        <div className="brand-name">{t('app.name')}</div>
        <div className="brand-tagline">{t('app.tagline')}</div>
      </div>
      {setup && !setup.complete && <SetupChecklist setup={setup} current={current === 'setup' ? setupStep : null} onOpen={onOpenStep} />}
      <nav aria-label="Secciones">
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
    </div>
  )
}
