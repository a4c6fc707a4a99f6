import type { DatasetDto } from '../../../../shared/types'
import { categoryLabel, useT } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/es'
import { useFormat } from '../../number-format'
import { summarizeManifest } from './manifest'

export function DatasetList({ datasets }: { datasets: DatasetDto[] }) {
  const t = useT()
  if (datasets.length === 0) return <p className="hint">{t('dataset.list.empty')}</p>
  return (
    <ul className="dataset-list" data-testid="dataset-list">
      {datasets.map((dataset) => (
        <DatasetItem key={dataset.id} dataset={dataset} />
      ))}
    </ul>
  )
}

function DatasetItem({ dataset }: { dataset: DatasetDto }) {
  const t = useT()
  const fmt = useFormat()
  return (
    <li className="dataset-item" data-testid="dataset" data-status={dataset.status} data-path={dataset.path ?? ''}>
      <div className="dataset-head">
        <strong className="dataset-name">{dataset.name}</strong>
        <span className={`badge dataset-${dataset.status}`} data-testid="dataset-status">
          {t(`dataset.status.${dataset.status}`)}
        </span>
        <span className="spacer" />
        <time className="exchange-meta" dateTime={new Date(dataset.createdAt).toISOString()}>
          {fmt.dateTime(dataset.createdAt)}
        </time>
      </div>
      {dataset.status === 'ready' && (
        <dl className="dataset-counts">
          <div>
            <dt>{t('dataset.train')}</dt>
            <dd data-testid="dataset-train">{fmt.number(dataset.trainCount)}</dd>
          </div>
          <div>
            <dt>{t('dataset.validation')}</dt>
            <dd data-testid="dataset-validation">{fmt.number(dataset.validationCount)}</dd>
          </div>
        </dl>
      )}
      {dataset.error && (
        <p className="notice bad" role="alert">
          {dataset.error}
        </p>
      )}
      {dataset.path && (
        <p className="dataset-path">
          <span>{t('dataset.path')}:</span> <code>{dataset.path}</code>
        </p>
      )}
      {dataset.status === 'ready' && <ManifestDetails manifest={dataset.manifest} />}
    </li>
  )
}

const FILTER_LABELS: Record<string, MessageKey> = {
  minScore: 'dataset.minScore',
  includeUnreviewed: 'dataset.includeUnreviewed',
  nearDuplicateThreshold: 'dataset.nearDuplicate',
  maxPerCategoryShare: 'dataset.maxShare',
  validationRatio: 'dataset.validationRatio',
  contextTurns: 'dataset.contextTurns',
  includeDemo: 'dataset.includeDemo',
}
/** Stored as fractions, shown as the form asks for them. */
const PERCENT_FILTERS = new Set(['maxPerCategoryShare', 'validationRatio', 'nearDuplicateThreshold'])

function ManifestDetails({ manifest }: { manifest: Record<string, unknown> | null }) {
  const t = useT()
  const fmt = useFormat()
  const summary = summarizeManifest(manifest)
  const scoreLabel = (score: string) => (score === 'unscored' ? t('dataset.manifest.unscored') : score)
  const filterValue = (key: string, value: unknown) => {
    if (value === null) return key === 'maxPerCategoryShare' ? t('dataset.maxShare.none') : '—'
    if (typeof value === 'boolean') return t(value ? 'dataset.yes' : 'dataset.no')
    if (typeof value === 'number') return PERCENT_FILTERS.has(key) ? fmt.percent(value * 100) : fmt.number(value, 2)
    return typeof value === 'string' ? value : JSON.stringify(value)
  }

  if (!summary) {
    return (
      <details className="manifest">
        <summary>{t('dataset.manifest.show')}</summary>
        <p className="hint">{t('dataset.manifest.none')}</p>
      </details>
    )
  }
  const { table, report, scrubbed } = summary
  const duplicates = report.exactDuplicates !== null || report.nearDuplicates !== null ? (report.exactDuplicates ?? 0) + (report.nearDuplicates ?? 0) : null
  const outcome: [MessageKey, number | null, string?][] = [
    ['dataset.manifest.input', report.input],
    ['dataset.manifest.kept', report.kept],
    ['dataset.manifest.kept.auto', report.keptAuto],
    ['dataset.manifest.kept.approved', report.keptApproved],
    ['dataset.manifest.kept.rewritten', report.keptRewritten],
    [
      'dataset.manifest.duplicates',
      duplicates,
      t('dataset.manifest.duplicates.detail', { exact: report.exactDuplicates ?? 0, near: report.nearDuplicates ?? 0 }),
    ],
    ['dataset.manifest.rejected', report.rejected],
    ['dataset.manifest.belowThreshold', report.belowThreshold],
    ['dataset.manifest.unreviewed', report.unreviewed],
    ['dataset.manifest.emptyText', report.empty],
    ['dataset.manifest.capped', report.capped],
  ]
  const hasSplits = table !== null && Object.keys(table.splits).length > 0

  return (
    <details className="manifest">
      <summary>{t('dataset.manifest.show')}</summary>
      <div className="manifest-body" data-testid="manifest">
        {table && (
          <table className="manifest-table">
            <caption>{t('dataset.manifest.byCategory')}</caption>
            <thead>
              <tr>
                <th />
                {table.scores.map((score) => (
                  <th key={score} scope="col">
                    {scoreLabel(score)}
                  </th>
                ))}
                <th scope="col">{t('dataset.manifest.total')}</th>
                {hasSplits && <th scope="col">{t('dataset.manifest.split')}</th>}
              </tr>
            </thead>
            <tbody>
              {table.categories.map((category) => (
                <tr key={category}>
                  <th scope="row">{categoryLabel(t, category)}</th>
                  {table.scores.map((score) => (
                    <td key={score}>{table.counts[category]?.[score] ?? 0}</td>
                  ))}
                  <td className="total">{table.rowTotals[category] ?? 0}</td>
                  {hasSplits && (
                    <td className="split">{table.splits[category] ? `${table.splits[category].train} / ${table.splits[category].validation}` : '—'}</td>
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('dataset.manifest.total')}</th>
                {table.scores.map((score) => (
                  <td key={score}>{table.columnTotals[score] ?? 0}</td>
                ))}
                <td className="total">{table.total}</td>
                {hasSplits && <td />}
              </tr>
            </tfoot>
          </table>
        )}
        <div className="manifest-column">
          <h4>{t('dataset.manifest.outcome')}</h4>
          <dl className="manifest-facts">
            {outcome
              .filter(([, value]) => value !== null)
              .map(([label, value, detail]) => (
                <div key={label}>
                  <dt>{t(label)}</dt>
                  <dd>
                    {fmt.number(value!)}
                    {detail && value! > 0 && <small> ({detail})</small>}
                  </dd>
                </div>
              ))}
            {scrubbed && (
              <div>
                <dt>{t('dataset.manifest.scrubbed')}</dt>
                <dd data-testid="manifest-scrubbed">
                  {fmt.number(scrubbed.total)}
                  {scrubbed.total > 0 && (
                    <small>
                      {' ('}
                      {scrubbed.byKind
                        .filter(([, n]) => n > 0)
                        .map(([kind, n]) => `${n} ${SCRUB_LABELS[kind] ? t(SCRUB_LABELS[kind]) : kind}`)
                        .join(', ')}
                      {')'}
                    </small>
                  )}
                </dd>
              </div>
            )}
          </dl>
        </div>
        {(summary.filters.length > 0 || summary.files.length > 0) && (
          <div className="manifest-column">
            {summary.filters.length > 0 && (
              <>
                <h4>{t('dataset.manifest.filters')}</h4>
                <dl className="manifest-kv">
                  {summary.filters.map(([key, value]) => (
                    <div key={key}>
                      <dt>{FILTER_LABELS[key] ? t(FILTER_LABELS[key]) : key}</dt>
                      <dd>{filterValue(key, value)}</dd>
                    </div>
                  ))}
                </dl>
              </>
            )}
            {summary.files.length > 0 && (
              <>
                <h4>{t('dataset.manifest.files')}</h4>
                <ul className="manifest-files">
                  {summary.files.map((file) => (
                    <li key={file.name}>
                      <code>{file.name}</code>
                      {[file.lines !== null ? t('dataset.manifest.lines', { count: fmt.number(file.lines) }) : null, file.bytes !== null ? fmt.bytes(file.bytes) : null]
                        .filter(Boolean)
                        .map((part) => ` · ${part}`)
                        .join('')}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </details>
  )
}

const SCRUB_LABELS: Record<string, MessageKey> = {
  phone: 'dataset.manifest.scrubbed.phone',
  email: 'dataset.manifest.scrubbed.email',
  nationalId: 'dataset.manifest.scrubbed.nationalId',
  card: 'dataset.manifest.scrubbed.card',
  address: 'dataset.manifest.scrubbed.address',
  name: 'dataset.manifest.scrubbed.name',
}
