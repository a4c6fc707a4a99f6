import { useState } from 'react'
import type { ModelPullDto } from '../../../../shared/setup'
import { useApi } from '../../api/api-context'
import { useNumberLocale, useT } from '../../i18n/i18n'
import { formatEta, formatRate, pullIsActive } from './setup-model'
import { formatBytes } from '../../number-format'

/**
 * One model download: a bar with percent, size, speed and time left; cancel, or retry after a failure.
 * `label` names the model for the owner (default: its Ollama tag); `onCancel` replaces the Ollama cancel
 * (the voice-note model downloads without Ollama).
 */
export function PullProgress({ pull, onRetry, label, onCancel }: { pull: ModelPullDto; onRetry: () => void; label?: string; onCancel?: () => Promise<unknown> }) {
  const api = useApi()
  const t = useT()
  const numberLocale = useNumberLocale()
  const [cancelling, setCancelling] = useState(false)
  const active = pullIsActive(pull)
  // Paused: it gave up retrying by itself; it resumes at the next start, or now with "Reintentar".
  const resumable = pull.state === 'failed' || pull.state === 'cancelled' || pull.state === 'paused'
  const percent = pull.state === 'done' ? 100 : (pull.percent ?? 0)

  const cancel = () => {
    setCancelling(true)
    ;(onCancel ? onCancel() : api.call('models.cancelPull', { name: pull.name }))
      .catch(() => {})
      .finally(() => setCancelling(false))
  }

  const size =
    pull.totalBytes !== null
      ? t('setup.pull.size', { done: formatBytes(numberLocale, pull.completedBytes), total: formatBytes(numberLocale, pull.totalBytes) })
      : pull.completedBytes > 0
        ? formatBytes(numberLocale, pull.completedBytes)
        : null
  return (
    <div className={`pull pull-${pull.state}`} data-testid="pull" data-state={pull.state} data-model={pull.name}>
      <div className="progress-label">
        <strong>{t(`setup.pull.state.${pull.state}`, { model: label ?? pull.name })}</strong>
        {pull.percent !== null && active && <span data-testid="pull-percent">{t('setup.pull.percent', { percent: Math.floor(percent) })}</span>}
      </div>
      {pull.state !== 'cancelled' && (
        <div
          className="progress-track"
          role="progressbar"
          aria-label={t('setup.pull.bar', { model: label ?? pull.name })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.floor(percent)}
        >
          <div className={`progress-fill${pull.state === 'failed' ? ' failed' : ''}`} style={{ width: `${percent}%` }} />
        </div>
      )}
      {active && (
        <p className="pull-facts" data-testid="pull-facts">
          {[
            size,
            pull.bytesPerSecond !== null && pull.bytesPerSecond > 0 ? formatRate(pull.bytesPerSecond, numberLocale) : null,
            pull.etaSeconds !== null ? t('setup.pull.eta', { time: formatEta(pull.etaSeconds, t) }) : null,
          ]
            .filter((part): part is string => part !== null)
            .join(' · ')}
        </p>
      )}
      {pull.retrying && active && (
        <p className="notice warn" role="status" data-testid="pull-retrying">
          {t('setup.pull.retrying')}
        </p>
      )}
      {(pull.state === 'failed' || pull.state === 'paused') && (
        <p className="notice bad" role="alert" data-testid="pull-error">
          {pull.error ?? t('setup.pull.failed')}
        </p>
      )}
      <div className="card-actions">
        {active && (
          <button type="button" onClick={cancel} disabled={cancelling} data-testid="pull-cancel">
            {t('setup.pull.cancel')}
          </button>
        )}
        {resumable && (
          <button type="button" className="primary" onClick={onRetry} data-testid="pull-retry">
            {t('setup.pull.retry')}
          </button>
        )}
      </div>
    </div>
  )
}
