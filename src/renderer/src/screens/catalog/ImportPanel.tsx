import { useId, useRef, useState, type ChangeEvent } from 'react'
import type { CatalogImportReport } from '../../../../shared/catalog'
import { useApi } from '../../api/api-context'
import { useApiQuery } from '../../api/use-api-query'
import { describeError } from '../../api/describe-error'
import { useT } from '../../i18n/i18n'
import { columnLabel, describeProblem } from './field-errors'

type Format = 'csv' | 'json'

interface Source {
  /** The file's name, or null for pasted text. */
  fileName: string | null
  format: Format
  content: string
  /** Which pick this is: checking the same text again (after a failure) asks the core again. */
  pick: number
}

/** By extension for a file; pasted text that opens like JSON is JSON, anything else CSV. */
function formatOf(fileName: string | null, content: string): Format {
  if (fileName) return /\.json$/i.test(fileName) ? 'json' : 'csv'
  return /^\s*[[{]/.test(content.replace(/^\uFEFF/, '')) ? 'json' : 'csv'
}

/** The core writes row problems as clauses ("el nombre está vacío"); a table cell reads as a sentence. */
function sentence(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1)
}

type Phase = { kind: 'idle' } | { kind: 'checking' } | { kind: 'importing'; report: CatalogImportReport } | { kind: 'checked'; report: CatalogImportReport } | { kind: 'done'; report: CatalogImportReport }

/** Where the import stands, from the real import's outcome and the dry run of the current source. */
function phaseOf(
  outcome: { kind: 'importing' } | { kind: 'failed' } | { kind: 'rejected' | 'done'; report: CatalogImportReport } | null,
  checking: boolean,
  checked: CatalogImportReport | null,
): Phase {
  if (outcome?.kind === 'done') return { kind: 'done', report: outcome.report }
  if (outcome?.kind === 'rejected') return { kind: 'checked', report: outcome.report }
  if (outcome?.kind === 'failed') return { kind: 'idle' }
  if (outcome?.kind === 'importing' && checked) return { kind: 'importing', report: checked }
  if (checking) return { kind: 'checking' }
  return checked ? { kind: 'checked', report: checked } : { kind: 'idle' }
}

/**
 * Import in two steps: a dry run that lists every problem, then the real import, which the
 * core writes whole or not at all. The confirm button stays off while the file has errors.
 */
export function ImportPanel({ onClose, onImported }: { onClose: () => void; onImported: (report: CatalogImportReport) => void }) {
  const api = useApi()
  const t = useT()
  const id = useId()
  const [source, setSource] = useState<Source | null>(null)
  const [pasted, setPasted] = useState('')
  /** What the real import came to; null while the dry run of the current source is what counts. */
  const [outcome, setOutcome] = useState<{ kind: 'importing' } | { kind: 'failed' } | { kind: 'rejected' | 'done'; report: CatalogImportReport } | null>(null)
  const [actionFailure, setActionFailure] = useState<string | null>(null)
  const fileRef = useRef<HTMLInputElement>(null)
  // A slow dry run must not overwrite the report of a file picked after it: the query keeps the latest only.
  const dryRun = useApiQuery(source, (api, next) => api.call('catalog.import', { format: next.format, content: next.content, dryRun: true }))

  const phase = phaseOf(outcome, dryRun.loading, dryRun.error === null ? dryRun.data : null)
  const failure = actionFailure ?? (dryRun.error === null || dryRun.loading ? null : describeError(dryRun.error, t))
  const busy = phase.kind === 'checking' || phase.kind === 'importing'

  const check = (next: Omit<Source, 'pick'>) => {
    setSource((current) => ({ ...next, pick: (current?.pick ?? 0) + 1 }))
    setActionFailure(null)
    setOutcome(null)
  }

  const pickFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    if (!file) return
    setPasted('')
    try {
      const content = await file.text()
      check({ fileName: file.name, format: formatOf(file.name, content), content })
    } catch (error) {
      setActionFailure(describeError(error, t))
    }
  }

  const checkPasted = () => {
    if (fileRef.current) fileRef.current.value = ''
    check({ fileName: null, format: formatOf(null, pasted), content: pasted })
  }

  const confirm = async () => {
    if (!source || phase.kind !== 'checked') return
    setActionFailure(null)
    // The report stays on screen while the import runs: it says what is being written.
    setOutcome({ kind: 'importing' })
    try {
      const report = await api.call('catalog.import', { format: source.format, content: source.content, dryRun: false })
      // The catalog may have changed since the dry run; a report that comes back with errors
      // wrote nothing and is shown like a dry run's.
      setOutcome({ kind: report.applied ? 'done' : 'rejected', report })
      if (report.applied) {
        setSource(null)
        if (fileRef.current) fileRef.current.value = ''
        onImported(report)
      }
    } catch (error) {
      setActionFailure(describeError(error, t))
      setOutcome({ kind: 'failed' })
    }
  }

  const report = phase.kind === 'checked' || phase.kind === 'importing' ? phase.report : null
  const done = phase.kind === 'done' ? phase.report : null
  const hasErrors = report !== null && report.errors.length > 0
  const nothingToImport = report !== null && report.created + report.updated === 0

  return (
    <section className="panel catalog-import" aria-labelledby={`${id}-title`} aria-busy={busy} data-testid="import-panel">
      <div className="catalog-import-head">
        <h2 id={`${id}-title`}>{t('catalog.import.title')}</h2>
        <button type="button" className="catalog-close" aria-label={t('catalog.import.close')} onClick={onClose} disabled={busy}>
          ✕
        </button>
      </div>
      <div className="catalog-import-grid">
        <div className="catalog-import-inputs">
          <p className="hint">{t('catalog.import.intro')}</p>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('catalog.import.file')}</label>
            {/* The native button speaks the browser's language, not the app's: a styled label stands in for it. */}
            <div className={`catalog-file${busy ? ' disabled' : ''}`}>
              <label className="catalog-file-button">
                <input
                  ref={fileRef}
                  id={`${id}-file`}
                  className="sr-only"
                  type="file"
                  accept=".csv,.json,text/csv,application/json"
                  disabled={busy}
                  onChange={(e) => void pickFile(e)}
                />
                {t('catalog.import.choose')}
              </label>
              <span className="catalog-file-name" data-testid="import-file-name">
                {source?.fileName ?? t('catalog.import.noFile')}
              </span>
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-paste`}>{t('catalog.import.paste')}</label>
            <textarea
              id={`${id}-paste`}
              rows={4}
              value={pasted}
              disabled={busy}
              placeholder={t('catalog.import.example')}
              spellCheck={false}
              onChange={(e) => setPasted(e.target.value)}
            />
          </div>
          <button type="button" onClick={checkPasted} disabled={busy || !pasted.trim()}>
            {t('catalog.import.checkPasted')}
          </button>
        </div>
        <aside className="catalog-import-help" aria-labelledby={`${id}-help`}>
          <h3 id={`${id}-help`}>{t('catalog.import.help.title')}</h3>
          <p>{t('catalog.import.help.columns')}</p>
          <p>{t('catalog.import.help.example')}</p>
          <pre className="catalog-example">{t('catalog.import.example')}</pre>
          <p className="hint">{t('catalog.import.help.rules')}</p>
        </aside>
      </div>

      {busy && (
        <p className="waiting catalog-busy" role="status" data-testid="import-busy">
          <span className="spinner" aria-hidden="true" />
          {phase.kind === 'checking' ? t('catalog.import.checking') : t('catalog.import.importing')}
        </p>
      )}
      {failure && (
        <p className="notice bad" role="alert">
          {failure}
        </p>
      )}

      {report && source && (
        <div className="catalog-report" data-testid="import-report">
          <h3>
            {source.fileName ? t('catalog.import.report.file', { name: source.fileName }) : t('catalog.import.report.pasted')}
          </h3>
          <dl className="facts">
            <div>
              <dt>{t('catalog.import.report.rows')}</dt>
              <dd>{report.rows}</dd>
            </div>
            <div>
              <dt>{t('catalog.import.report.created')}</dt>
              <dd>{report.created}</dd>
            </div>
            <div>
              <dt>{t('catalog.import.report.updated')}</dt>
              <dd>{report.updated}</dd>
            </div>
            <div className={hasErrors ? 'catalog-fact-bad' : undefined}>
              <dt>{t('catalog.import.report.errors')}</dt>
              <dd>{report.errors.length}</dd>
            </div>
          </dl>
          {hasErrors ? (
            <>
              <p className="notice bad" role="alert">
                {t(report.errors.length === 1 ? 'catalog.import.blocked.one' : 'catalog.import.blocked.other', { count: report.errors.length })}
              </p>
              <table className="catalog-errors" data-testid="import-errors">
                <thead>
                  <tr>
                    {/* A CSV's row is the spreadsheet's (titles are row 1); a JSON list's is the product's place in it. */}
                    <th scope="col">{t(source.format === 'json' ? 'catalog.import.errors.item' : 'catalog.import.errors.row')}</th>
                    <th scope="col">{t('catalog.import.errors.field')}</th>
                    <th scope="col">{t('catalog.import.errors.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((error, index) => (
                    <tr key={`${error.row}-${error.field ?? ''}-${index}`}>
                      <td className="catalog-error-row">{error.row > 0 ? error.row : <span title={t('catalog.import.errors.fileRow')}>—</span>}</td>
                      <td>{columnLabel(error.field, t)}</td>
                      <td>{sentence(describeProblem(error.message, t))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : nothingToImport ? (
            <p className="notice warn">{t('catalog.import.empty')}</p>
          ) : (
            <p className="notice ok" role="status">
              {t('catalog.import.ready')}
            </p>
          )}
          <div className="card-actions">
            <button type="button" className="primary" disabled={busy || hasErrors || nothingToImport} onClick={() => void confirm()}>
              {t('catalog.import.confirm')}
            </button>
            <button type="button" disabled={busy} onClick={onClose}>
              {t('catalog.import.cancel')}
            </button>
          </div>
        </div>
      )}

      {done && (
        <p className="notice ok" role="status" data-testid="import-done">
          {t('catalog.import.done', { created: done.created, updated: done.updated })}
        </p>
      )}
    </section>
  )
}
