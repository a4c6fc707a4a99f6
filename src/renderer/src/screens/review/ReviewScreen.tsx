import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ApiError } from '../../../../shared/api/errors'
import type { ExchangeDto } from '../../../../shared/types'
import type { ApiClient } from '../../../../shared/api/client'
import { useApi, useApiEvent, useApiResync } from '../../api/api-context'
import { useApiQuery } from '../../api/use-api-query'
import { useModelVersions } from '../../api/use-model-versions'
import { EmptyState } from '../../components/EmptyState'
import { NextStep } from '../../components/NextStep'
import { useNumberLocale, useT } from '../../i18n/i18n'
import { formatNumber } from '../../number-format'
import { CaptureHealthCard } from './CaptureHealthCard'
import { ExchangeCard, type ExchangeActions } from './ExchangeCard'
import { ReviewFiltersBar } from './ReviewFiltersBar'
import {
  applyScore,
  applyStatus,
  DEFAULT_FILTERS,
  isDefaultFilters,
  isTypingTarget,
  matchesAll,
  stillMatches,
  toListInput,
  type ReviewFilterState,
} from './review-model'

const PAGE_SIZE = 20

interface Page {
  items: ExchangeDto[]
  total: number
  models: string[]
  /** What the page was asked with: rows are judged against it until the next page lands. */
  filters: ReviewFilterState
  offset: number
  /** Rows that matched on arrival; a page that never had any must not trigger a reload loop. */
  matchedOnArrival: number
}

async function fetchPage(api: ApiClient, request: { filters: ReviewFilterState; offset: number }): Promise<Page> {
  const { filters } = request
  let offset = request.offset
  let result = await api.call('review.list', toListInput(filters, PAGE_SIZE, offset))
  // Reviewed rows leave the queue: a page past its new end steps back to the last full one.
  if (result.items.length === 0 && result.total > 0 && offset > 0) {
    offset = Math.max(0, result.total - PAGE_SIZE)
    result = await api.call('review.list', toListInput(filters, PAGE_SIZE, offset))
  }
  const matchedOnArrival = result.items.filter((e) => stillMatches(e, filters)).length
  return { ...result, filters, offset, matchedOnArrival }
}

export function ReviewScreen({
  onOpenSettings,
  demoMode = false,
  onGenerateDataset,
}: { onOpenSettings?: () => void; demoMode?: boolean; onGenerateDataset?: () => void } = {}) {
  const api = useApi()
  // The shop's versions, to name the model that wrote each reply in the owner's words.
  const versions = useModelVersions()
  const t = useT()
  const cloudKeyConfigured = useCallback(async () => (await api.call('llm.cloudKey', {})).configured, [api])
  const [filters, setFilters] = useState<ReviewFilterState>(DEFAULT_FILTERS)
  // Demo data follows the app's one demo switch, as Estadísticas and new datasets do.
  const queryFilters = useMemo(() => ({ ...filters, includeDemo: demoMode }), [filters, demoMode])
  const [requestedOffset, setRequestedOffset] = useState(0)
  /** What the last action failed with; a page that lands clears it. */
  const [error, setError] = useState<unknown>(null)
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const [editingId, setEditingId] = useState<string | null>(null)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set())
  const listRef = useRef<HTMLDivElement>(null)
  /** A card the owner pointed at is already where they look; scrolling it would move it under the pointer. */
  const pointedAt = useRef<string | null>(null)

  const {
    data: page,
    error: loadError,
    reload,
    update: setPage,
  } = useApiQuery({ filters: queryFilters, offset: requestedOffset }, fetchPage, (arrived) => {
    // The page may have stepped back (the queue got shorter); the pager goes on from it.
    setRequestedOffset(arrived.offset)
    setFresh(new Set())
    // A page that lands while the owner is rewriting an answer or has rows ticked keeps what is
    // still on it: a refresh must never throw away a rewrite half typed.
    const onPage = new Set(arrived.items.map((e) => e.id))
    setSelected((current) => new Set([...current].filter((id) => onPage.has(id))))
    setEditingId((current) => (current !== null && onPage.has(current) ? current : null))
    setError(null)
  })
  /** Asking for the offset shown again still asks: the queue behind it has moved. */
  const goTo = (offset: number) => {
    if (offset === requestedOffset) reload()
    else setRequestedOffset(offset)
  }

  const changeFilters = (next: ReviewFilterState) => {
    setFilters(next)
    setRequestedOffset(0)
  }
  const refresh = () => goTo(page?.offset ?? 0)

  const items = useMemo(() => page?.items ?? [], [page])
  const shownFilters = page?.filters ?? filters
  const isLeft = useCallback((exchange: ExchangeDto) => !stillMatches(exchange, shownFilters), [shownFilters])
  const active = useMemo(() => items.filter((e) => !isLeft(e)), [items, isLeft])
  const leftCount = items.length - active.length
  const total = Math.max(0, (page?.total ?? 0) - leftCount)
  const offset = page?.offset ?? 0

  const upsert = useCallback((updated: ExchangeDto[]) => {
    const byId = new Map(updated.map((e) => [e.id, e]))
    setPage((current) => (current ? { ...current, items: current.items.map((e) => byId.get(e.id) ?? e) } : current))
  }, [setPage])
  /** Applied to the rows as they are now, so an event that landed meanwhile is not undone. */
  const patch = useCallback((ids: string[], change: (exchange: ExchangeDto) => ExchangeDto) => {
    const wanted = new Set(ids)
    setPage((current) => (current ? { ...current, items: current.items.map((e) => (wanted.has(e.id) ? change(e) : e)) } : current))
  }, [setPage])

  useApiEvent('exchange.updated', (exchange) => {
    if (items.some((e) => e.id === exchange.id)) upsert([exchange])
    else if (matchesAll(exchange, shownFilters)) setFresh((current) => new Set(current).add(exchange.id))
  })

  // The loop's next step: reviewed examples a new dataset would add. Counted again shortly after
  // reviews land (a bulk approve sends one event per exchange).
  const [newExamples, setNewExamples] = useState(0)
  const numberLocale = useNumberLocale()
  const countTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const countNewExamples = useCallback(() => {
    api.call('review.newExamples', {}).then((result) => setNewExamples(result.count), () => {})
  }, [api])
  useEffect(() => {
    countNewExamples()
  }, [countNewExamples, demoMode])
  useEffect(() => () => clearTimeout(countTimer.current ?? undefined), [])
  useApiEvent('exchange.updated', () => {
    clearTimeout(countTimer.current ?? undefined)
    countTimer.current = setTimeout(countNewExamples, 400)
  })
  // Back from a dropped connection: the page is read again (a rewrite half typed stays, see above).
  useApiResync(() => {
    reload()
    countNewExamples()
  })

  // Focus follows the queue: when the focused exchange leaves it, the next one takes its place.
  const focused = useMemo(() => {
    const index = items.findIndex((e) => e.id === focusedId)
    if (index !== -1 && !isLeft(items[index]!)) return items[index]!.id
    const after = index === -1 ? undefined : items.slice(index + 1).find((e) => !isLeft(e))
    const before = index === -1 ? undefined : items.slice(0, index).reverse().find((e) => !isLeft(e))
    return (after ?? before ?? active[0])?.id ?? null
  }, [items, active, focusedId, isLeft])

  useEffect(() => {
    const pointed = pointedAt.current
    pointedAt.current = null
    if (!focused || !listRef.current || pointed === focused) return
    const card = listRef.current.querySelector(`[data-id="${CSS.escape(focused)}"]`)
    card?.scrollIntoView?.({ block: 'nearest' })
  }, [focused])

  // A page the owner has fully reviewed gives way to the next exchanges in the queue.
  const exhausted = page !== null && page.matchedOnArrival > 0 && active.length === 0
  useEffect(() => {
    if (exhausted) reload()
  }, [exhausted, reload])

  const run = useCallback(
    async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
      setError(null)
      try {
        return await work()
      } catch (failure) {
        setError(failure)
        return undefined
      }
    },
    [],
  )

  const score = useCallback(
    async (ids: string[], value: number) => {
      const done = await run(() => api.call('review.score', { ids, score: value }))
      if (done) patch(ids, (e) => applyScore(e, value))
      return done !== undefined
    },
    [api, run, patch],
  )

  const setStatus = useCallback(
    async (ids: string[], status: 'approved' | 'rejected') => {
      const done = await run(() => api.call(status === 'approved' ? 'review.approve' : 'review.reject', { ids }))
      if (done) patch(ids, (e) => applyStatus(e, status))
      return done !== undefined
    },
    [api, run, patch],
  )

  const actions: ExchangeActions = useMemo(
    () => ({
      score: (id, value) => void score([id], value),
      approve: (id) => void setStatus([id], 'approved'),
      reject: (id) => void setStatus([id], 'rejected'),
      edit: (id) => {
        setFocusedId(id)
        setEditingId(id)
      },
      markSale: (id) => {
        void run(() => api.call('review.markSale', { id })).then((updated) => updated && upsert([updated]))
      },
      saveCorrection: async (id, response) => {
        const updated = await run(() => api.call('review.correct', { id, response }))
        if (!updated) return false
        upsert([updated])
        setEditingId(null)
        return true
      },
      suggest: async (id) => {
        try {
          return { text: (await api.call('review.suggest', { id })).text }
        } catch (failure) {
          return { error: describe(failure, t) }
        }
      },
      cloudKeyConfigured,
      ...(onOpenSettings ? { openSettings: onOpenSettings } : {}),
      cancelEdit: () => setEditingId(null),
      toggleSelected: (id) =>
        setSelected((current) => {
          const next = new Set(current)
          if (next.has(id)) next.delete(id)
          else next.add(id)
          return next
        }),
      focus: (id) => {
        pointedAt.current = id
        setFocusedId(id)
      },
    }),
    [api, run, score, setStatus, upsert, t, cloudKeyConfigured, onOpenSettings],
  )

  const move = (step: 1 | -1) => {
    if (active.length === 0) return
    const index = active.findIndex((e) => e.id === focused)
    const next = index === -1 ? 0 : Math.min(active.length - 1, Math.max(0, index + step))
    setFocusedId(active[next]!.id)
  }

  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return
    if (editingId !== null) return
    const key = event.key.toLowerCase()
    if (key === 'j' || key === 'arrowdown') move(1)
    else if (key === 'k' || key === 'arrowup') move(-1)
    else if (!focused) return
    else if (/^[1-5]$/.test(key)) actions.score(focused, Number(key))
    else if (key === 'a') actions.approve(focused)
    else if (key === 'r') actions.reject(focused)
    else if (key === 'e') actions.edit(focused)
    else if (key === 's') actions.markSale(focused)
    else if (key === 'x') actions.toggleSelected(focused)
    else return
    event.preventDefault()
  }
  const latestOnKey = useRef(onKey)
  useEffect(() => {
    latestOnKey.current = onKey
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => latestOnKey.current(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  const selectedIds = active.filter((e) => selected.has(e.id)).map((e) => e.id)
  const allSelected = active.length > 0 && selectedIds.length === active.length
  const bulk = async (work: (ids: string[]) => Promise<boolean>) => {
    if (await work(selectedIds)) setSelected(new Set())
  }

  const nextOffset = offset + active.length
  const unfiltered = isDefaultFilters(shownFilters)

  return (
    <div className="screen review-screen" data-testid="review-screen">
      <div className="review-top">
        <div>
          <h1 className="screen-title">{t('review.title')}</h1>
          <p className="hint">{t('review.subtitle')}</p>
        </div>
        <CaptureHealthCard />
      </div>

      {newExamples > 0 && onGenerateDataset && (
        <NextStep
          testId="next-step-dataset"
          title={t('next.review.title')}
          body={`${t(newExamples === 1 ? 'next.review.one' : 'next.review.other', { count: formatNumber(numberLocale, newExamples) })} ${t('next.review.body')}`}
          action={t('next.review.action')}
          onAction={onGenerateDataset}
        />
      )}

      <ReviewFiltersBar filters={filters} models={page?.models ?? []} onChange={changeFilters} />

      <div className={`review-toolbar${selectedIds.length > 0 ? ' has-selection' : ''}`} data-testid="review-toolbar">
        <label className="filter check">
          <input
            type="checkbox"
            checked={allSelected}
            disabled={active.length === 0}
            onChange={() => setSelected(allSelected ? new Set() : new Set(active.map((e) => e.id)))}
          />
          {t('review.selectAll')}
        </label>
        {selectedIds.length > 0 && (
          <div className="bulk-actions" role="group" aria-label={t('review.selected', { count: selectedIds.length })} data-testid="bulk-actions">
            <strong>{t('review.selected', { count: selectedIds.length })}</strong>
            <span className="bulk-score" role="group" aria-label={t('review.bulk.score')}>
              <span>{t('review.bulk.score')}:</span>
              {[1, 2, 3, 4, 5].map((value) => (
                <button
                  key={value}
                  type="button"
                  className={`score-button s${value}`}
                  aria-label={`${t('review.bulk.score')}: ${value}`}
                  onClick={() => void bulk((ids) => score(ids, value))}
                >
                  {value}
                </button>
              ))}
            </span>
            <button type="button" className="action approve" onClick={() => void bulk((ids) => setStatus(ids, 'approved'))}>
              {t('review.bulk.approve')}
            </button>
            <button type="button" className="action reject" onClick={() => void bulk((ids) => setStatus(ids, 'rejected'))}>
              {t('review.bulk.reject')}
            </button>
            <button type="button" className="link-button" onClick={() => setSelected(new Set())}>
              {t('review.bulk.clear')}
            </button>
          </div>
        )}
      </div>

      <div className="review-subbar">
        <ShortcutLegend />
        <span className="spacer" />
        {fresh.size > 0 && (
          <button type="button" className="fresh-button" onClick={refresh}>
            {t(fresh.size === 1 ? 'review.fresh.one' : 'review.fresh.other', { count: fresh.size })}
          </button>
        )}
        <span className="review-count" data-testid="review-count">
          {t(total === 1 ? 'review.count.one' : 'review.count.other', { count: total.toLocaleString(numberLocale) })}
        </span>
        <button type="button" onClick={refresh} className="small-button">
          {t('review.refresh')}
        </button>
      </div>

      {(error ?? loadError) !== null && (
        <p className="notice bad" role="alert">
          {describe(error ?? loadError, t)}
        </p>
      )}

      <div className="exchange-list" ref={listRef} data-testid="exchange-list">
        {page === null ? (
          <p className="hint">{t('review.loading')}</p>
        ) : items.length === 0 ? (
          unfiltered ? (
            <EmptyState icon="✅" title={t('review.empty.title')} body={t('review.empty.body')} />
          ) : (
            <EmptyState icon="🔎" title={t('review.empty.filtered.title')} body={t('review.empty.filtered.body')} />
          )
        ) : (
          items.map((exchange) => (
            <ExchangeCard
              key={exchange.id}
              exchange={exchange}
              focused={exchange.id === focused}
              selected={selected.has(exchange.id)}
              editing={exchange.id === editingId}
              left={isLeft(exchange)}
              leftLabel={t(shownFilters.status === 'pending' ? 'review.left.pending' : 'review.left.other')}
              actions={actions}
              versions={versions}
            />
          ))
        )}
      </div>

      {page !== null && (offset > 0 || nextOffset < total) && (
        <nav className="pager" aria-label={t('review.page', { from: offset + 1, to: nextOffset, total })}>
          <button type="button" disabled={offset === 0} onClick={() => goTo(Math.max(0, offset - PAGE_SIZE))}>
            {t('review.page.prev')}
          </button>
          <span>{t('review.page', { from: active.length > 0 ? offset + 1 : offset, to: nextOffset, total })}</span>
          <button type="button" disabled={nextOffset >= total} onClick={() => goTo(nextOffset)}>
            {t('review.page.next')}
          </button>
        </nav>
      )}
    </div>
  )
}

function ShortcutLegend() {
  const t = useT()
  const items: [string, string][] = [
    ['1–5', t('review.shortcuts.score')],
    ['A', t('review.shortcuts.approve')],
    ['R', t('review.shortcuts.reject')],
    ['E', t('review.shortcuts.edit')],
    ['S', t('review.shortcuts.sale')],
    ['J K ↑ ↓', t('review.shortcuts.move')],
    ['X', t('review.shortcuts.select')],
  ]
  return (
    <p className="shortcut-legend" data-testid="shortcut-legend">
      <span>{t('review.shortcuts')}:</span>
      {items.map(([keys, label]) => (
        <span key={keys} className="shortcut">
          <kbd>{keys}</kbd> {label}
        </span>
      ))}
    </p>
  )
}

function describe(failure: unknown, t: ReturnType<typeof useT>): string {
  const message = failure instanceof Error ? failure.message : String(failure)
  return failure instanceof ApiError && failure.code === 'invalid_input' ? t('error.invalid_input', { message }) : t('error.generic', { message })
}
