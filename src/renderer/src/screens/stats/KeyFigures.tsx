import type { StatsDto } from '../../../../shared/types'
import { useT } from '../../i18n/i18n'
import { formatNumber } from '../training/training-format'
import { shortDate } from './day-format'

/** The figures an owner reads first, above the charts. */
export function KeyFigures({ stats }: { stats: StatsDto }) {
  const t = useT()
  const k = stats.keyFigures
  const share = k.exchanges > 0 ? formatNumber((k.highQuality / k.exchanges) * 100, 0) : null
  const live = k.liveModel
  const liveDetail = !live
    ? t('stats.key.model.none')
    : live.cloud !== null
      ? t('stats.key.model.cloud', { provider: live.cloud })
      : live.version === null
      ? t('stats.key.model.external')
      : live.source === 'base'
        ? t('stats.key.model.base')
        : t('stats.key.model.trained', { version: live.version, date: shortDate(live.createdAt ?? 0) })
  return (
    <section className="key-figures" aria-label={t('stats.key.label')} data-testid="key-figures">
      <Figure id="conversations-today" label={t('stats.key.conversationsToday')} value={formatNumber(k.conversationsToday)} detail={t('stats.key.conversationsToday.detail')} />
      <Figure id="exchanges" label={t('stats.key.exchanges')} value={formatNumber(k.exchanges)} detail={t('stats.key.exchanges.detail')} />
      <Figure
        id="high-quality"
        label={t('stats.key.highQuality')}
        value={formatNumber(k.highQuality)}
        detail={share === null ? t('stats.key.highQuality.none') : t('stats.key.highQuality.detail', { share })}
      />
      <Figure
        id="success"
        label={t('stats.key.success')}
        value={k.successRate === null ? '—' : `${formatNumber(k.successRate * 100, 1)}\u00a0%`}
        detail={k.meanScore === null ? t('stats.key.success.none') : t('stats.key.meanScore', { score: formatNumber(k.meanScore, 2) })}
      />
      <Figure id="live-model" label={t('stats.key.model')} value={live?.name ?? '—'} detail={liveDetail} wide />
    </section>
  )
}

function Figure({ id, label, value, detail, wide = false }: { id: string; label: string; value: string; detail: string; wide?: boolean }) {
  return (
    <div className={`key-figure${wide ? ' wide' : ''}`} data-testid={`figure-${id}`}>
      <span className="key-label">{label}</span>
      <strong className="key-value" title={value}>
        {value}
      </strong>
      <span className="key-detail">{detail}</span>
    </div>
  )
}
