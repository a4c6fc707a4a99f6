import { useState } from 'react'
import type { CatalogImportReport } from '../../../../shared/catalog'
import { useApi, useApiEvent, useApiResync } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useApiQuery } from '../../api/use-api-query'
import { useNumberLocale, useT } from '../../i18n/i18n'
import { ImportPanel } from '../catalog/ImportPanel'
import '../catalog/catalog.css'

/** Step "Catálogo": the owner's own file (the Catálogo screen's import), an example to start from, or later. */
export function CatalogStep({ done }: { done: boolean }) {
  const api = useApi()
  const t = useT()
  const numberLocale = useNumberLocale()
  const [importing, setImporting] = useState(false)
  const [example, setExample] = useState<CatalogImportReport | null>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const count = useApiQuery({}, (api) => api.call('catalog.list', { limit: 1 }))
  useApiEvent('catalog.changed', count.reload)
  useApiResync(count.reload)
  const total = count.data?.total ?? 0

  const startWithExample = () => {
    setBusy(true)
    setFailure(null)
    api
      .call('setup.exampleCatalog', {})
      .then(setExample, (error: unknown) => setFailure(describeError(error, t)))
      .finally(() => setBusy(false))
  }

  return (
    <div className="setup-catalog">
      <p className="card-lead">{t('setup.catalog.lead')}</p>
      {total > 0 && (
        <p className="hint" data-testid="setup-catalog-count">
          {t(total === 1 ? 'setup.catalog.count.one' : 'setup.catalog.count.other', { count: total.toLocaleString(numberLocale) })}
        </p>
      )}
      {example && (
        <p className="notice ok" role="status" data-testid="setup-example-done">
          {t('setup.catalog.example.done', { count: example.created })}
        </p>
      )}
      {failure && (
        <p className="notice bad" role="alert">
          {failure}
        </p>
      )}
      {!importing && (
        <div className="setup-choices">
          <div className="setup-choice">
            <h3>{t('setup.catalog.import.title')}</h3>
            <p className="hint">{t('setup.catalog.import.body')}</p>
            <button type="button" className="primary" onClick={() => setImporting(true)}>
              {t('setup.catalog.import.action')}
            </button>
          </div>
          {!done && (
            <div className="setup-choice">
              <h3>{t('setup.catalog.example.title')}</h3>
              <p className="hint">{t('setup.catalog.example.body')}</p>
              <button type="button" onClick={startWithExample} disabled={busy} data-testid="setup-example">
                {busy ? t('setup.catalog.example.busy') : t('setup.catalog.example.action')}
              </button>
            </div>
          )}
        </div>
      )}
      {importing && <ImportPanel onClose={() => setImporting(false)} onImported={() => count.reload()} />}
      {!done && (
        <p className="notice warn" data-testid="setup-catalog-warning">
          {t('setup.catalog.laterWarning')}
        </p>
      )}
    </div>
  )
}
