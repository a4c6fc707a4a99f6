import { useEffect, useId, useMemo, useState } from 'react'
import type { ProductDto } from '../../../../shared/catalog'
import type { ApiClient } from '../../../../shared/api/client'
import { useApiEvent, useApiResync } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useApiQuery } from '../../api/use-api-query'
import { EmptyState } from '../../components/EmptyState'
import { useNumberLocale, useT, type Locale } from '../../i18n/i18n'
import { ImportPanel } from './ImportPanel'
import { ProductForm } from './ProductForm'
import { PhotosDropPanel } from './ProductPhoto'
import { ProductTable } from './ProductTable'
import './catalog.css'

const PAGE_SIZE = 50
const SEARCH_DEBOUNCE_MS = 250

interface Page {
  items: ProductDto[]
  total: number
  /** What the page was asked with, so "no results" and the pager describe what is shown. */
  query: string
  offset: number
}

async function fetchPage(api: ApiClient, request: { query: string; offset: number }): Promise<Page> {
  const ask = (offset: number) => api.call('catalog.list', { ...(request.query ? { query: request.query } : {}), limit: PAGE_SIZE, offset })
  let offset = request.offset
  let result = await ask(offset)
  // A deletion can leave the page past the end: step back to the last one that exists.
  if (result.items.length === 0 && result.total > 0 && offset > 0) {
    offset = Math.max(0, Math.floor((result.total - 1) / PAGE_SIZE) * PAGE_SIZE)
    result = await ask(offset)
  }
  return { ...result, query: request.query, offset }
}

export function CatalogScreen({ locale, shopCurrency = null }: { locale: Locale; /** New products start in it. */ shopCurrency?: string | null }) {
  const t = useT()
  const numberLocale = useNumberLocale()
  const id = useId()
  const [search, setSearch] = useState('')
  // What the owner asked for; the page says what it was asked with (a deletion may step it back).
  const [request, setRequest] = useState<{ query: string; offset: number }>({ query: '', offset: 0 })
  const [notice, setNotice] = useState<string | null>(null)
  const [editing, setEditing] = useState<ProductDto | 'new' | null>(null)
  const [importing, setImporting] = useState(false)

  // Typing waits for a pause before asking the core: one query per word, not per key.
  useEffect(() => {
    const query = search.trim()
    const timer = setTimeout(() => {
      setRequest((current) => (current.query === query ? current : { query, offset: 0 }))
    }, SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [search])

  const { data: page, error: failure, reload } = useApiQuery(request, fetchPage)
  const error = failure === null ? null : describeError(failure, t)
  useApiEvent('catalog.changed', reload)
  useApiResync(reload)

  const categories = useMemo(() => [...new Set((page?.items ?? []).map((p) => p.category).filter((c): c is string => c !== null))].sort(), [page])

  const openImport = () => {
    setNotice(null)
    setImporting(true)
  }
  const openNew = () => {
    setNotice(null)
    setEditing('new')
  }

  const saved = (product: ProductDto, created: boolean) => {
    setEditing(null)
    setNotice(t(created ? 'catalog.saved.created' : 'catalog.saved.updated', { name: product.name }))
    reload()
  }
  const deleted = (product: ProductDto) => {
    setEditing(null)
    setNotice(t('catalog.deleted', { name: product.name }))
    reload()
  }
  // The import panel says how it went, next to its button; a notice here too said it twice.
  const imported = () => {
    setNotice(null)
    reload()
  }

  const total = page?.total ?? 0
  const searching = page !== null && page.query !== ''
  const catalogEmpty = page !== null && !searching && total === 0
  const offset = page?.offset ?? 0
  const shownTo = offset + (page?.items.length ?? 0)

  return (
    <div className="screen catalog-screen" data-testid="catalog-screen">
      <div className="catalog-top">
        <div className="catalog-heading">
          <h1 className="screen-title">{t('catalog.title')}</h1>
          {page !== null && (
            <span className="catalog-count" data-testid="catalog-count">
              {searching
                ? t(total === 1 ? 'catalog.count.found.one' : 'catalog.count.found.other', { count: total.toLocaleString(numberLocale) })
                : t(total === 1 ? 'catalog.count.one' : 'catalog.count.other', { count: total.toLocaleString(numberLocale) })}
            </span>
          )}
        </div>
        <div className="catalog-actions">
          <div className="catalog-search">
            <label htmlFor={`${id}-search`} className="sr-only">
              {t('catalog.search')}
            </label>
            <input
              id={`${id}-search`}
              type="search"
              value={search}
              placeholder={t('catalog.search.placeholder')}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          <button type="button" aria-expanded={importing} onClick={() => (importing ? setImporting(false) : openImport())}>
            {t('catalog.importButton')}
          </button>
          <button type="button" className="primary" onClick={openNew}>
            {t('catalog.new')}
          </button>
        </div>
      </div>

      {notice && (
        <p className="notice ok catalog-notice" role="status" data-testid="catalog-notice">
          {notice}
        </p>
      )}
      {error && (
        <p className="notice bad catalog-notice" role="alert">
          {error}
        </p>
      )}

      {importing && <ImportPanel onClose={() => setImporting(false)} onImported={imported} />}
      {importing && <PhotosDropPanel onDone={reload} />}

      {page === null ? (
        !error && <p className="hint">{t('catalog.loading')}</p>
      ) : catalogEmpty ? (
        !importing && (
          <div className="catalog-empty" data-testid="catalog-empty">
            <EmptyState icon="🛍️" title={t('catalog.empty.title')} body={t('catalog.empty.body')} />
            <div className="catalog-empty-actions">
              <button type="button" className="primary" onClick={openImport}>
                {t('catalog.empty.import')}
              </button>
              <button type="button" onClick={openNew}>
                {t('catalog.empty.add')}
              </button>
            </div>
          </div>
        )
      ) : page.items.length === 0 ? (
        <EmptyState icon="🔎" title={t('catalog.noResults.title', { query: page.query })} body={t('catalog.noResults.body')} />
      ) : (
        <ProductTable products={page.items} locale={locale} shopCurrency={shopCurrency} onEdit={(product) => setEditing(product)} />
      )}

      {page !== null && (offset > 0 || shownTo < total) && (
        <nav className="pager" aria-label={t('catalog.page', { from: offset + 1, to: shownTo, total })}>
          <button type="button" disabled={offset === 0} onClick={() => setRequest({ query: page.query, offset: Math.max(0, offset - PAGE_SIZE) })}>
            {t('catalog.page.prev')}
          </button>
          <span>{t('catalog.page', { from: offset + 1, to: shownTo, total })}</span>
          <button type="button" disabled={shownTo >= total} onClick={() => setRequest({ query: page.query, offset: offset + PAGE_SIZE })}>
            {t('catalog.page.next')}
          </button>
        </nav>
      )}

      {editing !== null && (
        <ProductForm
          key={editing === 'new' ? 'new' : editing.id}
          product={editing === 'new' ? null : editing}
          locale={locale}
          shopCurrency={shopCurrency}
          categories={categories}
          onClose={() => setEditing(null)}
          onSaved={saved}
          onDeleted={deleted}
          onPhotoChanged={(product) => {
            setEditing(product)
            reload()
          }}
        />
      )}
    </div>
  )
}
