import { useState, type ReactNode } from 'react'
import type { SetupDto, SetupStepId } from '../../../../shared/setup'
import type { Settings } from '../../../../shared/types'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useT } from '../../i18n/i18n'
import { CatalogStep } from './CatalogStep'
import { ModelStep } from './ModelStep'
import { ShopStep } from './ShopStep'
import { TestStep } from './TestStep'
import { WhatsappStep } from './WhatsappStep'
import { nextOpenStep } from './setup-model'
import './setup.css'

export interface SetupScreenProps {
  setup: SetupDto
  step: SetupStepId
  settings: Settings
  whatsappOpenSince: number | null
  onStep: (step: SetupStepId) => void
  onSetup: (setup: SetupDto) => void
  /** The owner closed the assistant. */
  onClose: () => void
  /** Shop name, country, model… changed in the core: the window reloads its settings. */
  onSettingsChanged: () => void
}

/** "Primeros pasos": one step at a time, every one can be left for later and resumed. */
export function SetupScreen(props: SetupScreenProps) {
  const { setup, step, onStep } = props
  const t = useT()
  const doneCount = setup.steps.filter((s) => s.done).length
  return (
    <div className="screen setup" data-testid="setup" data-step={step}>
      <div className="setup-head">
        <div>
          <h1 className="screen-title">{t('setup.title')}</h1>
          <p className="hint">{t('setup.progress', { done: doneCount, total: setup.steps.length })}</p>
        </div>
        <button type="button" className="setup-close" onClick={props.onClose} data-testid="setup-close">
          {t('setup.close')}
        </button>
      </div>
      <ol className="setup-stepper" aria-label={t('setup.steps')}>
        {setup.steps.map((s, index) => (
          <li key={s.id}>
            <button
              type="button"
              className={`setup-stepper-item${s.id === step ? ' active' : ''}${s.done ? ' done' : ''}`}
              aria-current={s.id === step ? 'step' : undefined}
              onClick={() => onStep(s.id)}
              data-testid={`setup-tab-${s.id}`}
            >
              <span className="setup-stepper-mark" aria-hidden="true">
                {s.done ? '✓' : index + 1}
              </span>
              <span className="setup-stepper-label">{t(`setup.step.${s.id}`)}</span>
              <span className="sr-only">{s.done ? t('setup.state.done') : s.skipped ? t('setup.state.skipped') : t('setup.state.pending')}</span>
            </button>
          </li>
        ))}
      </ol>
      <StepBody {...props} key={step} />
    </div>
  )
}

function StepBody(props: SetupScreenProps) {
  const { setup, step, onStep, onSetup } = props
  const api = useApi()
  const t = useT()
  const [failure, setFailure] = useState<string | null>(null)
  const state = setup.steps.find((s) => s.id === step)
  const done = state?.done ?? false

  const goNext = (current: SetupDto) => {
    const next = nextOpenStep(current, step)
    if (next) onStep(next)
    else props.onClose()
  }
  const later = () => {
    setFailure(null)
    api.call('setup.skip', { step }).then(
      (next) => {
        onSetup(next)
        goNext(next)
      },
      (error: unknown) => setFailure(describeError(error, t)),
    )
  }

  const footer: ReactNode = (
    <div className="setup-footer">
      {failure && (
        <p className="notice bad" role="alert">
          {failure}
        </p>
      )}
      <span className="spacer" />
      {!done && (
        <button type="button" onClick={later} data-testid="setup-later">
          {t('setup.later')}
        </button>
      )}
      {done && (
        <button type="button" className="primary" onClick={() => goNext(setup)} data-testid="setup-next">
          {nextOpenStep(setup, step) ? t('setup.next') : t('setup.finish')}
        </button>
      )}
    </div>
  )

  return (
    <section className="setup-step" aria-labelledby="setup-step-title" data-testid={`setup-step-${step}`}>
      <h2 id="setup-step-title">{t(`setup.step.${step}.title`)}</h2>
      {done && (
        <p className="notice ok setup-done" role="status" data-testid="setup-step-done">
          ✓ {t(`setup.step.${step}.done`)}
        </p>
      )}
      {step === 'shop' && <ShopStep settings={props.settings} onSaved={(next) => { onSetup(next); props.onSettingsChanged(); goNext(next) }} />}
      {step === 'model' && <ModelStep done={done} onSettingsChanged={props.onSettingsChanged} />}
      {step === 'catalog' && <CatalogStep done={done} />}
      {step === 'whatsapp' && <WhatsappStep openSince={props.whatsappOpenSince} />}
      {step === 'test' && <TestStep done={done} />}
      {footer}
    </section>
  )
}
