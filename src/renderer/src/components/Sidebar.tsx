import { useEffect, useState } from 'react'
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
  // Only a phone-width window hides the sections behind the menu button (styles.css); on a wider one
  // the list is always shown and this state changes nothing.
  const [menuOpen, setMenuOpen] = useState(false)
  useEffect(() => {
    if (!menuOpen) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [menuOpen])
  const currentItem = ITEMS.find((item) => item.id === current)
  return (
    <div className={menuOpen ? 'sidebar menu-open' : 'sidebar'} data-testid="sidebar">
      <div className="brand">
        <div className="brand-text">
          <div className="brand-name">{t('app.name')}</div>
          <div className="brand-tagline">{t('app.tagline')}</div>
        </div>
        {/* On a phone the top bar says where the owner is, since the section list is folded away. */}
        <div className="brand-current" aria-hidden="true">
          {currentItem ? t(currentItem.label) : current === 'setup' ? t('setup.title') : ''}
        </div>
        <button
          type="button"
          className="menu-button"
          data-testid="menu-button"
          aria-expanded={menuOpen}
          aria-controls="sidebar-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span>
          <span className="menu-button-label">{t(menuOpen ? 'nav.menu.close' : 'nav.menu.open')}</span>
        </button>
      </div>
      <div className="sidebar-menu" id="sidebar-menu">
        {setup && !setup.complete && (
          <SetupChecklist
            setup={setup}
            current={current === 'setup' ? setupStep : null}
            onOpen={(step) => {
              setMenuOpen(false)
              onOpenStep(step)
            }}
          />
        )}
        <nav aria-label="Secciones">
          <ul>
            {ITEMS.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className={item.id === current ? 'nav-item active' : 'nav-item'}
                  aria-current={item.id === current ? 'page' : undefined}
                  onClick={() => {
                    setMenuOpen(false)
                    onSelect(item.id)
                  }}
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
      {menuOpen && <div className="menu-backdrop" aria-hidden="true" onClick={() => setMenuOpen(false)} />}
    </div>
  )
}
