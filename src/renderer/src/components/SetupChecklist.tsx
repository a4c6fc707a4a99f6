import type { SetupDto, SetupStepId } from '../../../shared/setup'
import { useT } from '../i18n/i18n'

/** "Primeros pasos" in the sidebar until every step is done: each step done or pending, a click opens it. */
export function SetupChecklist({ setup, current, onOpen }: { setup: SetupDto; current: SetupStepId | null; onOpen: (step: SetupStepId) => void }) {
  const t = useT()
  const done = setup.steps.filter((s) => s.done).length
  return (
    <div className="setup-checklist" data-testid="setup-checklist">
      <div className="setup-checklist-title">
        {t('setup.title')} <span className="setup-checklist-count">{t('setup.checklist.count', { done, total: setup.steps.length })}</span>
      </div>
      <ul>
        {setup.steps.map((step) => (
          <li key={step.id}>
            <button
              type="button"
              className={`setup-checklist-item${step.done ? ' done' : ''}${step.id === current ? ' active' : ''}`}
              data-testid={`checklist-${step.id}`}
              data-done={step.done}
              onClick={() => onOpen(step.id)}
            >
              <span className="setup-checklist-mark" aria-hidden="true">
                {step.done ? '✓' : '○'}
              </span>
              {t(`setup.step.${step.id}`)}
              <span className="sr-only">{step.done ? t('setup.state.done') : t('setup.state.pending')}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
