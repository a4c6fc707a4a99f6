import { useState } from 'react'
import type { CycleRunDto } from '../../../../shared/types'
import { useApi, useApiEvent, useApiResync } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useApiQuery } from '../../api/use-api-query'
import { useCycle } from '../../api/use-cycle'
import { useT } from '../../i18n/i18n'
import { useFormat } from '../../number-format'

/**
 * Entrenamiento → Aprendizaje automático: what the cycle is set to do, what it waits for (each
 * condition in words), the version it suggests, and the history of its turns with their numbers.
 */
export function CyclePanel({ onOpenSettings }: { onOpenSettings?: () => void }) {
  const api = useApi()
  const t = useT()
  const fmt = useFormat()
  const { cycle, refresh } = useCycle()
  // The history is an aside too: a failed read keeps the turns last shown.
  const history = useApiQuery({ limit: 5 }, (client, input) => client.call('cycle.list', input))
  const turns: readonly CycleRunDto[] = history.data ?? []
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useApiEvent('cycle.updated', history.reload)
  useApiResync(history.reload)
  if (!cycle) return null

  const runNow = () => {
    setBusy(true)
    setError(null)
    api.call('cycle.runNow', {}).then(
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
  const running = turns.some((turn) => turn.status === 'running')
  return (
    <section className="panel cycle-panel" aria-labelledby="cycle-title" data-testid="cycle-panel" data-mode={cycle.mode}>
      <h2 id="cycle-title">{t('cycle.title')}</h2>
      <p className="hint">
        {t(`cycle.mode.${cycle.mode}`)}{' '}
        {onOpenSettings && (
          <button type="button" className="link-button" onClick={onOpenSettings}>
            {t('cycle.change')}
          </button>
        )}
      </p>
      {cycle.suggestion && !running && (
        <aside className="next-step" data-testid="cycle-suggestion">
          <div className="next-step-text">
            <strong>{t('cycle.suggestion.title')}</strong>
            <p>{t('cycle.suggestion.body', { count: fmt.number(cycle.suggestion.newExamples) })}</p>
          </div>
          <button type="button" className="primary" disabled={busy} onClick={runNow}>
            {t('cycle.suggestion.action')}
          </button>
        </aside>
      )}
      {error && <p className="notice bad">{error}</p>}
      {cycle.mode === 'automatic' && (
        <p data-testid="cycle-next">
          {cycle.reasonNotYet === null
            ? t('cycle.next.now')
            : cycle.nextRunAt !== null
              ? t('cycle.next.at', { date: fmt.dateTime(cycle.nextRunAt) })
              : t('cycle.next.waiting')}
        </p>
      )}
      {cycle.mode !== 'off' && (
        <ul className="cycle-conditions" data-testid="cycle-conditions" aria-label={t('cycle.conditions')}>
          {cycle.conditions
            .filter((condition) => condition.id !== 'mode')
            .map((condition) => (
              <li key={condition.id} className={condition.met ? 'met' : 'unmet'} data-condition={condition.id} data-met={condition.met}>
                <span aria-hidden="true">{condition.met ? '✓' : '•'}</span> {condition.text}
              </li>
            ))}
        </ul>
      )}
      {turns.length > 0 && (
        <>
          <h3>{t('cycle.history')}</h3>
          <ol className="cycle-turns" data-testid="cycle-turns">
            {turns.map((turn) => (
              <li key={turn.id} data-status={turn.status} data-testid="cycle-turn">
                <div className="cycle-turn-head">
                  <span className={`badge cycle-${turn.status}`}>{t(`cycle.status.${turn.status}`)}</span>
                  <span>{t(turn.trigger === 'automatic' ? 'cycle.trigger.automatic' : 'cycle.trigger.owner')}</span>
                  <time dateTime={new Date(turn.startedAt).toISOString()}>{fmt.dateTime(turn.startedAt)}</time>
                </div>
                {turn.summary && <p>{turn.summary}</p>}
                {turn.watch && turn.watch.status === 'watching' && <p className="hint">{t('cycle.watching', { seen: fmt.number(turn.watch.seen), target: fmt.number(turn.watch.target) })}</p>}
                <details className="tech-details">
                  <summary>{t('tech.details')}</summary>
                  <pre>{JSON.stringify({ ...turn.details, watch: turn.watch }, null, 2)}</pre>
                </details>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
