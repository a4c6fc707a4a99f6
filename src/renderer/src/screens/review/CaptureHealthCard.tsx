import { useCallback, useEffect, useState } from 'react'
import type { CaptureHealth } from '../../../../shared/types'
import { useApi, useApiEvent, useApiResync } from '../../api/api-context'
import { formatTime } from '../../format'
import { useNumberLocale, useT } from '../../i18n/i18n'
import { useFormat } from '../../number-format'

/** If capture breaks, the bot keeps answering but stops learning: the owner must see it. */
export function CaptureHealthCard() {
  const api = useApi()
  const t = useT()
  const fmt = useFormat()
  const locale = useNumberLocale()
  const [health, setHealth] = useState<CaptureHealth | null>(null)

  const read = useCallback(() => {
    api.call('capture.health', {}).then(setHealth, () => {})
  }, [api])
  useEffect(read, [read])
  useApiEvent('capture.health', setHealth)
  useApiResync(read)

  // A failed write stays queued until it succeeds, so an old error with nothing waiting is history.
  const bad = health !== null && health.lastError !== null && health.pending > 0
  const recovered = health !== null && health.lastError !== null && health.pending === 0
  const time = health?.lastErrorAt ? formatTime(health.lastErrorAt, new Date(), locale) : '—'
  return (
    <section className={`capture-health ${health === null ? '' : bad ? 'bad' : 'ok'}`} aria-label={t('capture.title')} data-testid="capture-health">
      <h2>
        <span className="dot" aria-hidden="true" />
        {t('capture.title')}
      </h2>
      {health === null ? (
        <p className="capture-line">{t('capture.unknown')}</p>
      ) : (
        <>
          <p className="capture-line" role={bad ? 'alert' : undefined}>
            {bad
              ? t('capture.lastError', { time, error: health.lastError ?? '' })
              : recovered
                ? t('capture.recovered', { time, error: health.lastError ?? '' })
                : t('capture.ok')}
          </p>
          {/* The queue's counters say nothing an owner acts on while all is well: one click away. */}
          <details className="tech-details">
            <summary>{t('tech.details')}</summary>
            <dl className="capture-counts">
              <div>
                <dt>{t('capture.captured')}</dt>
                <dd>{fmt.number(health.captured)}</dd>
              </div>
              <div>
                <dt>{t('capture.pending')}</dt>
                <dd>{fmt.number(health.pending)}</dd>
              </div>
              <div>
                <dt>{t('capture.failed')}</dt>
                <dd>{fmt.number(health.failedAttempts)}</dd>
              </div>
            </dl>
          </details>
        </>
      )}
    </section>
  )
}
