import { useId, useState } from 'react'
import type { BaseModelOption, ModelVersionDto, TrainingRunDto } from '../../../../shared/types'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useT } from '../../i18n/i18n'
import { LossChart } from './LossChart'
import { formatDuration, useClock } from './training-format'
import { useFormat, type Formatters } from '../../number-format'
import { isActive, runSource } from './training-state'
import { validationOutcome, ValidationTable } from './ValidationTable'
import './training.css'

export function RunList({
  runs,
  versions,
  baseModels,
  highlightId,
}: {
  /** Newest first. */
  runs: TrainingRunDto[]
  versions: ModelVersionDto[]
  baseModels: BaseModelOption[]
  /** A run that finished while the owner watched: it opens by itself, to show how it went. */
  highlightId: string | null
}) {
  const t = useT()
  const now = useClock(30_000)
  // What the owner opened or closed by hand; the rest follows `highlightId`.
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map())

  if (runs.length === 0) {
    return (
      <div className="runs-empty" data-testid="training-runs">
        <h3>{t('training.empty.title')}</h3>
        <p className="hint">{t('training.empty.body')}</p>
      </div>
    )
  }
  return (
    <ul className="run-list" data-testid="training-runs">
      {runs.map((run) => (
        <RunItem
          key={run.id}
          run={run}
          version={versions.find((v) => v.id === run.modelVersion?.id) ?? null}
          versions={versions}
          baseModels={baseModels}
          now={now}
          open={toggled.get(run.id) ?? run.id === highlightId}
          onToggle={(open) => setToggled((current) => new Map(current).set(run.id, open))}
        />
      ))}
    </ul>
  )
}

function RunItem({
  run,
  version,
  versions,
  baseModels,
  now,
  open,
  onToggle,
}: {
  run: TrainingRunDto
  version: ModelVersionDto | null
  versions: ModelVersionDto[]
  baseModels: BaseModelOption[]
  now: number
  open: boolean
  onToggle: (open: boolean) => void
}) {
  const api = useApi()
  const t = useT()
  const fmt = useFormat()
  const id = useId()
  const [log, setLog] = useState<{ state: 'loading' } | { state: 'shown'; text: string } | { state: 'error'; message: string } | null>(null)

  const active = isActive(run)
  const hasDetails = !active && (run.validation !== null || run.lossCurve.length > 0 || run.status === 'succeeded')
  const end = run.finishedAt ?? (active ? now : null)
  const duration = end !== null ? end - (run.startedAt ?? run.createdAt) : null

  const toggleLog = async () => {
    if (log) {
      setLog(null)
      return
    }
    setLog({ state: 'loading' })
    try {
      const detail = await api.call('training.get', { id: run.id })
      setLog({ state: 'shown', text: detail.logTail })
    } catch (failure) {
      setLog({ state: 'error', message: describeError(failure, t) })
    }
  }

  const params = runParams(run, t, fmt)
  return (
    <li className={`run-item run-${run.status}`} data-testid="training-run" data-id={run.id} data-status={run.status} data-backend={run.backend}>
      <div className="run-head">
        <strong className="run-backend">{t(`training.backend.${run.backend}.short`)}</strong>
        <span className={`badge run-${run.status}`} data-testid="run-status">
          {t(`training.status.${run.status}`)}
        </span>
        {version && (
          <span className={`badge version-chip${version.isLive ? ' live' : ''}`} data-testid="run-version">
            v{version.version}
            {version.isLive ? ` · ${t('training.versions.live')}` : ''}
          </span>
        )}
        <span className="spacer" />
        <time className="run-when" dateTime={new Date(run.createdAt).toISOString()} title={fmt.dateTime(run.createdAt)}>
          {fmt.relative(run.createdAt, now)}
        </time>
        {duration !== null && <span className="run-duration">{t('training.run.took', { time: formatDuration(duration, t) })}</span>}
      </div>
      <p className="run-what">
        {t('training.run.dataset', { name: run.datasetName ?? t('training.run.datasetGone') })}
        {' · '}
        <span title={typeof run.params.importPath === 'string' ? run.params.importPath : run.baseModel}>{runSource(run, baseModels, t, (model) => fmt.modelName(model, versions))}</span>
        {run.forced && <> · {t('training.run.forced')}</>}
      </p>
      {run.status === 'succeeded' && run.modelVersion && (
        <p className="run-outcome" data-testid="run-outcome">
          {t(run.validation && !run.validation.better && !run.forced ? 'training.run.outcome.kept' : 'training.run.outcome.deployed', {
            name: version ? fmt.versionName(version) : run.modelVersion.name,
          })}
        </p>
      )}
      {run.status === 'failed' && run.error && (
        <p className="notice bad run-error" data-testid="run-error">
          <strong>{t('training.run.failed')}</strong> {run.error}
        </p>
      )}
      {run.status === 'cancelled' && <p className="run-cancelled">{run.error ?? t('training.run.cancelled')}</p>}

      {!active && (
        <div className="run-actions">
          {hasDetails && (
            <button type="button" className="small-button" aria-expanded={open} aria-controls={`${id}-details`} onClick={() => onToggle(!open)}>
              {open ? t('training.run.hideDetails') : t('training.run.showDetails')}
            </button>
          )}
          <button type="button" className="small-button" aria-expanded={log !== null} aria-controls={`${id}-log`} onClick={() => void toggleLog()}>
            {log ? t('training.run.hideLog') : t('training.run.showLog')}
          </button>
        </div>
      )}
      {log && (
        <div id={`${id}-log`} className="run-log">
          {log.state === 'loading' && <p className="hint">{t('training.run.logLoading')}</p>}
          {log.state === 'error' && <p className="notice bad">{log.message}</p>}
          {log.state === 'shown' &&
            (log.text.trim() ? (
              <pre data-testid="run-log" aria-label={t('training.run.logLabel')} tabIndex={0}>
                {log.text}
              </pre>
            ) : (
              <p className="hint">{t('training.run.logEmpty')}</p>
            ))}
        </div>
      )}
      {open && hasDetails && (
        <div id={`${id}-details`} className="run-details">
          {params.length > 0 && (
            <dl className="run-params">
              {params.map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          )}
          {run.validation ? (
            <ValidationTable
              report={run.validation}
              outcome={validationOutcome(run.validation, run.forced, run.status === 'succeeded')}
              stillLive={version ? version.isLive : null}
              versions={versions}
            />
          ) : (
            <p className="hint">{t('training.run.noValidation')}</p>
          )}
          {run.lossCurve.length > 0 && <LossChart curve={run.lossCurve} height={200} />}
        </div>
      )}
    </li>
  )
}

/** The knobs that mattered for this run: training ones only where weights were trained. */
function runParams(run: TrainingRunDto, t: ReturnType<typeof useT>, fmt: Formatters): [string, string][] {
  const p = run.params
  const num = (key: string) => (typeof p[key] === 'number' ? (p[key] as number) : null)
  const out: [string, string][] = []
  if (run.backend === 'llamacpp') {
    const epochs = num('epochs')
    const context = num('contextTokens')
    const rate = num('learningRate')
    const frozen = num('freezeLayers')
    if (epochs !== null) out.push([t('training.train.epochs'), fmt.number(epochs)])
    if (context !== null) out.push([t('training.train.contextTokens'), fmt.number(context)])
    if (rate !== null) out.push([t('training.train.learningRate'), fmt.number(rate, 10)])
    if (frozen !== null) out.push([t('training.train.freezeLayers'), fmt.number(frozen)])
  }
  if (run.backend === 'import') {
    if (typeof p.importPath === 'string') out.push([t('training.train.importPath'), p.importPath])
    if (p.importKind === 'model' || p.importKind === 'adapter') out.push([t('training.train.importKind'), t(`training.train.importKind.${p.importKind}`)])
  }
  return out
}
