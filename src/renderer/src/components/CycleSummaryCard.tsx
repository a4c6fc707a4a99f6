import { useState } from 'react'
import { useApi } from '../api/api-context'
import { describeError } from '../api/describe-error'
import { useCycle } from '../api/use-cycle'
import { useT } from '../i18n/i18n'
import { useFormat } from '../number-format'

/**
 * The morning card: what the learning cycle did (a version trained, kept or rolled back), in
 * plain words, on every screen until the owner reads it, with one tap to undo a change.
 */
export function CycleSummaryCard({ onOpenTraining }: { onOpenTraining: () => void }) {
  const api = useApi()
  const t = useT()
  const fmt = useFormat()
  const { cycle, refresh } = useCycle()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = cycle?.unreadSummary
  if (!run?.summary) return null
  const act = (call: Promise<unknown>) => {
    setBusy(true)
    setError(null)
    call.then(
      () => {
        setBusy(false)
        refresh()
      },
      (failure: unknown) => {
        setBusy(false)
        setError(describeError(failure, t))
      },
    )
  }
  const tone = run.status === 'deployed' ? 'ok' : run.status === 'failed' || run.status === 'rolled_back' ? 'warn' : 'neutral'
  return (
    <section className={`banner cycle-card ${tone}`} role="status" aria-labelledby="cycle-card-title" data-testid="cycle-summary" data-status={run.status}>
      <div className="cycle-card-text">
        <strong id="cycle-card-title">{t('cycle.card.title', { date: fmt.dateTime(run.finishedAt ?? run.startedAt) })}</strong>
        <p>{run.summary}</p>
        {error && <p className="notice bad">{error}</p>}
      </div>
      <div className="cycle-card-actions">
        {run.status === 'deployed' && run.previousVersion && (
          <button type="button" disabled={busy} onClick={() => act(api.call('cycle.undo', { id: run.id }))}>
            {t('cycle.card.undo', { version: run.previousVersion.version })}
          </button>
        )}
        <button type="button" className="link-button" onClick={onOpenTraining}>
          {t('cycle.card.details')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => act(api.call('cycle.markRead', { id: run.id }))}>
          {t('cycle.card.ok')}
        </button>
      </div>
    </section>
  )
}
