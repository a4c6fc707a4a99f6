import { useId, useState } from 'react'
import type { BaseModelOption, LossPoint, ModelVersionDto, TrainingProgress, TrainingRunDto, TrainingStage } from '../../../../shared/types'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useT } from '../../i18n/i18n'
import { LossChart } from './LossChart'
import { formatDuration, formatEta, useClock } from './training-format'
import { useFormat } from '../../number-format'
import { ALL_STAGES, overallPercent, runSource, stagesFor } from './training-state'
import './training.css'

/** The stage the run is in: events about steps may run ahead of the run's own update, never behind it. */
function currentStage(run: TrainingRunDto, progress: TrainingProgress | null): TrainingStage | null {
  const fromRun = run.stage
  const fromProgress = progress?.stage ?? null
  if (!fromProgress) return fromRun
  if (!fromRun) return fromProgress
  return ALL_STAGES.indexOf(fromProgress) > ALL_STAGES.indexOf(fromRun) ? fromProgress : fromRun
}

export function RunProgress({
  run,
  progress,
  curve,
  baseModels,
  versions = [],
}: {
  run: TrainingRunDto
  /** The latest `training.progress` of this run, if any came. */
  progress: TrainingProgress | null
  curve: LossPoint[]
  baseModels: BaseModelOption[]
  /** The shop's versions, so a run that starts from one says "Versión N (…)". */
  versions?: readonly ModelVersionDto[]
}) {
  const api = useApi()
  const t = useT()
  const fmt = useFormat()
  const id = useId()
  const now = useClock(1000)
  const [confirming, setConfirming] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const stage = currentStage(run, progress)
  const applicable = stagesFor(run.backend)
  const stageIndex = stage ? applicable.indexOf(stage) : -1
  const percent = overallPercent(run, progress)
  const stageText = run.status === 'queued' || !stage ? t('training.progress.queued') : t(`training.progress.doing.${stage}`)
  const showSteps = progress !== null && progress.steps > 0 && stage === progress.stage

  const cancel = async () => {
    setCancelling(true)
    setError(null)
    try {
      await api.call('training.cancel', { id: run.id })
      setConfirming(false)
    } catch (failure) {
      setError(describeError(failure, t))
    } finally {
      setCancelling(false)
    }
  }

  return (
    <section className="panel run-progress" aria-labelledby={`${id}-title`} data-testid="training-progress" data-stage={stage ?? ''} data-run-id={run.id}>
      <div className="run-progress-head">
        <h2 id={`${id}-title`}>{t(`training.progress.title.${run.backend}`)}</h2>
        <span className={`badge run-${run.status}`}>{t(`training.status.${run.status}`)}</span>
        <span className="spacer" />
        {run.startedAt && (
          <span className="run-elapsed" data-testid="run-elapsed">
            {t('training.progress.elapsed', { time: formatDuration(now - run.startedAt, t) })}
          </span>
        )}
      </div>
      <p className="run-progress-what">
        <strong>{t(`training.backend.${run.backend}`)}</strong>
        {' · '}
        {t('training.run.dataset', { name: run.datasetName ?? t('training.run.datasetGone') })}
        {' · '}
        {runSource(run, baseModels, t, (model) => fmt.modelName(model, versions))}
      </p>

      <ol className="stage-steps" aria-label={t('training.progress.steps')}>
        {ALL_STAGES.map((step) => {
          const index = applicable.indexOf(step)
          const state = index === -1 ? 'skipped' : stageIndex === -1 ? 'pending' : index < stageIndex ? 'done' : index === stageIndex ? 'current' : 'pending'
          return (
            <li key={step} className={`stage-step ${state}`} data-testid="stage-step" data-stage={step} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="stage-mark" aria-hidden="true">
                {state === 'done' ? '✓' : state === 'current' ? <span className="spinner" /> : state === 'skipped' ? '–' : ''}
              </span>
              <span className="stage-name">{t(`training.stage.${step}`)}</span>
              <span className="sr-only">{t(`training.progress.state.${state}`)}</span>
              {state === 'skipped' && (
                <small className="stage-note" aria-hidden="true">
                  {t('training.progress.state.skipped')}
                </small>
              )}
            </li>
          )
        })}
      </ol>

      <div className="progress-label">
        <span data-testid="stage-text">{stageText}</span>
        <span>{percent} %</span>
      </div>
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${stageText} ${percent} %`}>
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>

      {showSteps && progress && (
        <dl className="run-facts" data-testid="run-facts">
          {progress.stage === 'training' && progress.epochs > 0 && (
            <div>
              <dt>{t('training.progress.epoch')}</dt>
              <dd data-testid="run-epoch">{t('training.progress.of', { value: fmt.number(progress.epoch), total: fmt.number(progress.epochs) })}</dd>
            </div>
          )}
          <div>
            <dt>{t('training.progress.step')}</dt>
            <dd>{t('training.progress.of', { value: fmt.number(progress.step), total: fmt.number(progress.steps) })}</dd>
          </div>
          {progress.loss !== null && (
            <div>
              <dt>{t('training.progress.loss')}</dt>
              <dd data-testid="run-loss">{fmt.loss(progress.loss)}</dd>
            </div>
          )}
          {progress.tokensPerSecond !== null && (
            <div>
              <dt>{t('training.progress.speed')}</dt>
              <dd>{t('training.progress.tokensPerSecond', { value: fmt.number(progress.tokensPerSecond, 1) })}</dd>
            </div>
          )}
          {progress.etaSeconds !== null && (
            <div>
              <dt>{t('training.progress.eta')}</dt>
              <dd data-testid="run-eta">{formatEta(progress.etaSeconds, t)}</dd>
            </div>
          )}
        </dl>
      )}

      {run.backend === 'llamacpp' ? (
        <LossChart curve={curve} totalSteps={progress && progress.steps > 0 && progress.epochs > 0 ? progress.steps * progress.epochs : null} />
      ) : <p className="hint run-no-curve">{t(`training.progress.noCurve.${run.backend}`)}</p>}

      <div className="run-cancel">
        {!confirming ? (
          <button type="button" className="danger-outline" onClick={() => setConfirming(true)} disabled={cancelling}>
            {t('training.progress.cancel')}
          </button>
        ) : (
          <div className="confirm" role="alertdialog" aria-labelledby={`${id}-confirm`}>
            <p id={`${id}-confirm`}>{t('training.progress.cancel.confirm')}</p>
            <div className="card-actions">
              <button type="button" className="danger" disabled={cancelling} onClick={() => void cancel()}>
                {t('training.progress.cancel.yes')}
              </button>
              <button type="button" disabled={cancelling} onClick={() => setConfirming(false)}>
                {t('training.progress.cancel.no')}
              </button>
            </div>
          </div>
        )}
      </div>
      {error && (
        <p className="notice bad" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
