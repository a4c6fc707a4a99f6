import type { StatsDto } from '../../../../shared/types'
import { useT } from '../../i18n/i18n'
import { catalogModelName, useFormat } from '../../number-format'

/** The figures an owner reads first, above the charts. */
export function KeyFigures({ stats }: { stats: StatsDto }) {
  const t = useT()
  // The shop's locale, also in the chart PNGs (drawn from this SVG).
  const { number: formatNumber, date: shortDate, versionName } = useFormat()
  const k = stats.keyFigures
  // The figure counts every answer kept, the owner's own included: say how many were the owner's.
  const owned = stats.ownerAnswers?.exchanges ?? 0
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
      <Figure id="exchanges" label={t('stats.key.exchanges')} value={formatNumber(k.exchanges)} detail={owned > 0 ? t('stats.key.exchanges.detailWithOwner', { owner: formatNumber(owned) }) : t('stats.key.exchanges.detail')} />
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
      <Figure
        id="live-model"
        label={t('stats.key.model')}
        // The shop's own versions by number and date; the Ollama tag stays in the tooltip.
        value={!live ? '—' : live.cloud === null && live.version !== null && live.source !== null && live.createdAt !== null ? versionName({ version: live.version, source: live.source, createdAt: live.createdAt }) : (catalogModelName(t, live.name) ?? live.name)}
        title={live?.name}
        detail={liveDetail}
        wide
      />
    </section>
  )
}

function Figure({ id, label, value, title, detail, wide = false }: { id: string; label: string; value: string; title?: string; detail: string; wide?: boolean }) {
  return (
    <div className={`key-figure${wide ? ' wide' : ''}`} data-testid={`figure-${id}`}>
      <span className="key-label">{label}</span>
      <strong className="key-value" title={title ?? value}>
        {value}
      </strong>
      <span className="key-detail">{detail}</span>
    </div>
  )
}
