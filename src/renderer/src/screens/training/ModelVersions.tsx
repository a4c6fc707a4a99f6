import { useId, useState } from 'react'
import type { ModelVersionDto } from '../../../../shared/types'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useT } from '../../i18n/i18n'
import { useClock } from './training-format'
import { useFormat, type Formatters } from '../../number-format'
import './training.css'

/** Every version the shop has had, and rollback to any of them in one click (plus a confirm). */
export function ModelVersions({
  versions,
  liveModel,
  onVersions,
}: {
  /** Newest first, as `models.list` gives them. */
  versions: ModelVersionDto[]
  /** What the bot answers with now (Ajustes may point at a model outside this list). */
  liveModel: string | null
  onVersions: (versions: ModelVersionDto[]) => void
}) {
  const api = useApi()
  const t = useT()
  const fmt = useFormat()
  const now = useClock(30_000)
  const [confirming, setConfirming] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null)

  const activate = async (version: ModelVersionDto) => {
    setBusy(true)
    setNotice(null)
    try {
      onVersions(await api.call('models.activate', { id: version.id }))
      setConfirming(null)
      setNotice({ tone: 'ok', text: t('training.versions.activated', { version: version.version, name: fmt.versionName(version) }) })
    } catch (failure) {
      setNotice({ tone: 'bad', text: describeError(failure, t) })
    } finally {
      setBusy(false)
    }
  }

  const live = versions.find((v) => v.isLive)
  return (
    <div className="model-versions" data-testid="model-versions">
      {versions.length === 0 ? (
        <p className="hint">{t('training.versions.empty', { live: liveModel ?? '—' })}</p>
      ) : (
        <ul className="version-list">
          {versions.map((version) => (
            <VersionItem
              key={version.id}
              version={version}
              versions={versions}
              now={now}
              busy={busy}
              confirming={confirming === version.id}
              onConfirm={(on) => setConfirming(on ? version.id : null)}
              onActivate={() => void activate(version)}
            />
          ))}
        </ul>
      )}
      {versions.length > 0 && !live && liveModel && <p className="notice warn">{t('training.versions.outside', { live: liveModel })}</p>}
      {notice && (
        <p className={`notice ${notice.tone}`} role={notice.tone === 'bad' ? 'alert' : 'status'} data-testid="versions-notice">
          {notice.text}
        </p>
      )}
    </div>
  )
}

function VersionItem({
  version,
  versions,
  now,
  busy,
  confirming,
  onConfirm,
  onActivate,
}: {
  version: ModelVersionDto
  versions: ModelVersionDto[]
  now: number
  busy: boolean
  confirming: boolean
  onConfirm: (on: boolean) => void
  onActivate: () => void
}) {
  const t = useT()
  const fmt = useFormat()
  const id = useId()
  const report = version.validation
  return (
    <li className={`version-item${version.isLive ? ' live' : ''}`} data-testid="model-version" data-version={version.version} data-live={version.isLive} data-name={version.name}>
      <span className="version-number" aria-hidden="true">
        v{version.version}
      </span>
      <div className="version-body">
        <div className="version-head">
          <span className="sr-only">{t('training.versions.number', { version: version.version })}</span>
          <strong className="version-name" id={`${id}-name`}>
            {fmt.versionName(version)}
          </strong>
          <span className={`badge source-${version.source}`}>{t(`training.versions.source.${version.source}`)}</span>
          {version.isLive && (
            <span className="badge live-badge" data-testid="version-live">
              {t('training.versions.live')}
            </span>
          )}
        </div>
        <p className="version-meta">
          <time dateTime={new Date(version.createdAt).toISOString()} title={fmt.dateTime(version.createdAt)}>
            {t('training.versions.created', { when: fmt.relative(version.createdAt, now) })}
          </time>
          {version.isLive && version.deployedAt && <> · {t('training.versions.liveSince', { when: fmt.relative(version.deployedAt, now) })}</>}
        </p>
        {report && (
          <p className="version-metrics" data-testid="version-metrics">
            <span className={`badge ${report.better ? 'run-succeeded' : 'run-cancelled'}`}>
              {t(report.better ? 'training.versions.metrics.better' : 'training.versions.metrics.notBetter', { live: fmt.modelName(report.live.model, versions) })}
            </span>{' '}
            {report.candidate.chrf !== null && (
              <span>
                {t('training.versions.metrics.chrf', pair(fmt, report.candidate.chrf, report.live.chrf))}
              </span>
            )}
          </p>
        )}
        <details className="tech-details">
          <summary>{t('tech.details')}</summary>
          <p>
            {t('tech.model', { model: version.name })}
            {version.baseModel && version.source !== 'base' && <> · {t('training.versions.from', { base: version.baseModel })}</>}
          </p>
          {report?.candidate.perplexity != null && (
            <p>
              {t(report.perplexityUnit === 'token' ? 'training.versions.metrics.perplexity.token' : 'training.versions.metrics.perplexity.byte', pair(fmt, report.candidate.perplexity, report.live.perplexity))}
            </p>
          )}
        </details>
        {confirming && (
          <div className="confirm" role="alertdialog" aria-labelledby={`${id}-confirm`}>
            <p id={`${id}-confirm`}>{t('training.versions.confirm', { version: version.version, name: fmt.versionName(version) })}</p>
            <div className="card-actions">
              <button type="button" className="primary" disabled={busy} onClick={onActivate}>
                {t('training.versions.confirm.yes')}
              </button>
              <button type="button" disabled={busy} onClick={() => onConfirm(false)}>
                {t('training.versions.confirm.no')}
              </button>
            </div>
          </div>
        )}
      </div>
      {!version.isLive && !confirming && (
        <button type="button" className="version-use" disabled={busy} onClick={() => onConfirm(true)} aria-describedby={`${id}-name`}>
          {t('training.versions.use')}
        </button>
      )}
    </li>
  )
}

/** The new value and the one before, written so that different values read differently. */
function pair(fmt: Formatters, value: number, before: number | null): { value: string; live: string } {
  if (before === null) return { value: fmt.metric(value), live: '—' }
  const [live, now] = fmt.metricPair(before, value)
  return { value: now, live }
}
