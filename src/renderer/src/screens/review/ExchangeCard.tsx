import { useEffect, useId, useRef, useState } from 'react'
import { OWNER_ANSWERS_MODEL, type ExchangeDto, type ModelVersionDto } from '../../../../shared/types'
import { formatTime } from '../../format'
import { useNumberLocale, useT } from '../../i18n/i18n'
import { useFormat } from '../../number-format'

export interface ExchangeActions {
  score: (id: string, score: number) => void
  approve: (id: string) => void
  reject: (id: string) => void
  edit: (id: string) => void
  markSale: (id: string) => void
  saveCorrection: (id: string, response: string) => Promise<boolean>
  /** The cloud teacher's proposal for the answer, or why it could not make one (shown next to the button). */
  suggest: (id: string) => Promise<{ text: string } | { error: string }>
  /** Whether a cloud key is stored: without one "Sugerir con la nube" cannot work and says so. */
  cloudKeyConfigured: () => Promise<boolean>
  /** Opens Ajustes, where the cloud key is set. */
  openSettings?: () => void
  cancelEdit: () => void
  toggleSelected: (id: string) => void
  focus: (id: string) => void
}

export function ExchangeCard({
  exchange,
  focused,
  selected,
  editing,
  left,
  leftLabel,
  actions,
  versions = [],
}: {
  exchange: ExchangeDto
  focused: boolean
  selected: boolean
  editing: boolean
  /** The exchange no longer belongs to the filter (reviewed out of the pending queue). */
  left: boolean
  leftLabel: string
  actions: ExchangeActions
  /** The shop's versions, so a reply says "Versión 1 (…)" rather than its Ollama tag. */
  versions?: readonly ModelVersionDto[]
}) {
  const t = useT()
  const fmt = useFormat()
  const numberLocale = useNumberLocale()
  const [showContext, setShowContext] = useState(false)
  const e = exchange
  const category = t((e.category ? `category.${e.category}` : 'category.none'))
  const customer = e.customerName ?? t('review.customer.unknown')

  if (left) {
    return (
      <article className="exchange left" data-testid="exchange" data-id={e.id} data-left="true" aria-label={customer}>
        <div className="exchange-left-row">
          <StatusBadge exchange={e} />
          {e.manualScore !== null && (
            <span className="left-score" data-testid="manual-score">
              {t('review.score.manual')}: <ScoreChip score={e.manualScore} />
            </span>
          )}
          <span className="left-text">
            <strong>{customer}:</strong> {e.userMessage}
          </span>
          <span className="left-note">{leftLabel}</span>
        </div>
        {e.correctedResponse !== null && (
          <div className="left-corrected" data-testid="corrected-response">
            {t('review.bubble.corrected')}: {e.correctedResponse}
          </div>
        )}
      </article>
    )
  }

  return (
    <article
      className={`exchange${focused ? ' focused' : ''}${selected ? ' selected' : ''}`}
      data-testid="exchange"
      data-id={e.id}
      data-focused={focused}
      aria-current={focused ? 'true' : undefined}
      aria-label={customer}
      onMouseDownCapture={() => actions.focus(e.id)}
      onFocusCapture={() => actions.focus(e.id)}
    >
      <header className="exchange-head">
        <input type="checkbox" aria-label={t('review.select')} checked={selected} onChange={() => actions.toggleSelected(e.id)} />
        <strong className="exchange-customer">{customer}</strong>
        {e.isDemo && (
          <span className="badge demo" title={t('review.demo.title')}>
            {t('review.demo')}
          </span>
        )}
        <span className="badge category">{category}</span>
        {e.productName && <span className="exchange-meta">{t('review.product', { name: e.productName })}</span>}
        {e.model && (
          <span className="exchange-meta" title={e.model === OWNER_ANSWERS_MODEL ? undefined : e.model}>
            {e.model === OWNER_ANSWERS_MODEL ? t('review.model.owner') : t('review.model', { model: fmt.modelName(e.model, versions) })}
          </span>
        )}
        <span className="spacer" />
        <StatusBadge exchange={e} />
        <time className="exchange-meta" dateTime={new Date(e.createdAt).toISOString()}>
          {formatTime(e.createdAt, undefined, numberLocale)}
        </time>
      </header>

      <div className="exchange-body">
        <div className="exchange-chat">
          {e.context.length > 0 && (
            <button type="button" className="context-toggle" aria-expanded={showContext} onClick={() => setShowContext(!showContext)}>
              {showContext
                ? t('review.context.hide')
                : t(e.context.length === 1 ? 'review.context.show.one' : 'review.context.show.other', { count: e.context.length })}
            </button>
          )}
          {showContext && (
            <div className="exchange-context" data-testid="exchange-context">
              {e.context.map((turn, index) => (
                <Bubble key={index} side={turn.role === 'user' ? 'in' : 'out'} tone={turn.role === 'user' ? 'customer' : 'bot'} muted>
                  {turn.content}
                </Bubble>
              ))}
            </div>
          )}
          <Bubble side="in" tone="customer" author={t('review.bubble.customer')} testId="user-message">
            {e.userMessage}
          </Bubble>
          <Bubble
            side="out"
            tone="bot"
            author={e.correctedResponse !== null ? t('review.bubble.botOriginal') : t('review.bubble.bot')}
            superseded={e.correctedResponse !== null}
            testId="bot-response"
          >
            {e.botResponse}
          </Bubble>
          {editing ? (
            <CorrectionEditor
              initial={e.correctedResponse ?? e.botResponse}
              onSave={(text) => actions.saveCorrection(e.id, text)}
              onSuggest={() => actions.suggest(e.id)}
              cloudKeyConfigured={actions.cloudKeyConfigured}
              onOpenSettings={actions.openSettings}
              onCancel={actions.cancelEdit}
            />
          ) : (
            e.correctedResponse !== null && (
              <Bubble side="out" tone="owner" author={t('review.bubble.corrected')} testId="corrected-response">
                {e.correctedResponse}
              </Bubble>
            )
          )}
          {e.userFeedback !== null ? (
            <Bubble side="in" tone="customer" author={t('review.bubble.feedback')} testId="user-feedback">
              {e.userFeedback}
            </Bubble>
          ) : (
            <p className="no-feedback">{t('review.feedback.none')}</p>
          )}
        </div>

        <aside className="exchange-side">
          <ScoreLines exchange={e} />
          {e.wasSuccessful !== null && (
            <div className={`success ${e.wasSuccessful ? 'yes' : 'no'}`} data-testid="success">
              {e.wasSuccessful ? '🛒 ' : ''}
              {t(e.wasSuccessful ? 'review.success.true' : 'review.success.false')}
            </div>
          )}
          <div className="score-buttons" role="group" aria-label={t('review.score.manual')}>
            {[1, 2, 3, 4, 5].map((score) => (
              <button
                key={score}
                type="button"
                className={`score-button s${score}`}
                aria-pressed={e.manualScore === score}
                aria-label={t('review.action.score', { score })}
                title={t('review.action.score', { score })}
                onClick={() => actions.score(e.id, score)}
              >
                {score}
              </button>
            ))}
          </div>
          <div className="action-buttons">
            <ActionButton label={t('review.action.approve')} shortcut="A" className="approve" onClick={() => actions.approve(e.id)} />
            <ActionButton label={t('review.action.reject')} shortcut="R" className="reject" onClick={() => actions.reject(e.id)} />
            <ActionButton label={t('review.action.edit')} shortcut="E" onClick={() => actions.edit(e.id)} disabled={editing} />
            <ActionButton label={t('review.action.sale')} shortcut="S" onClick={() => actions.markSale(e.id)} disabled={e.autoScoreSource === 'sale'} />
          </div>
        </aside>
      </div>
    </article>
  )
}

function StatusBadge({ exchange: e }: { exchange: ExchangeDto }) {
  const t = useT()
  // A hand-given score is a review even while the status is still pending.
  const state = e.reviewStatus === 'pending' && e.manualScore !== null ? 'scored' : e.reviewStatus
  return (
    <span className={`badge status-${state}`} data-testid="review-status">
      {t(`review.state.${state}`)}
    </span>
  )
}

function ScoreLines({ exchange: e }: { exchange: ExchangeDto }) {
  const t = useT()
  const manualCounts = e.manualScore !== null
  const source = e.autoScoreSource ? t(`review.source.${e.autoScoreSource}`) : null
  const confidence = e.autoConfidence !== null ? t('review.score.confidence', { value: Math.round(e.autoConfidence * 100) }) : null
  return (
    <div className="score-lines">
      <div className={`score-line${manualCounts ? ' overridden' : e.autoScore !== null ? ' counts' : ''}`} data-testid="auto-score">
        <span className="score-label">{t('review.score.auto')}</span>
        {e.autoScore !== null ? <ScoreChip score={e.autoScore} /> : <span className="score-empty">{t('review.score.none')}</span>}
        {!manualCounts && e.autoScore !== null && <span className="counts-tag">{t('review.score.counts')}</span>}
        {(source || confidence) && <span className="score-detail">{[source, confidence].filter(Boolean).join(' · ')}</span>}
      </div>
      <div className={`score-line${manualCounts ? ' counts' : ''}`} data-testid="manual-score">
        <span className="score-label">{t('review.score.manual')}</span>
        {manualCounts ? (
          <>
            <ScoreChip score={e.manualScore!} />
            <span className="counts-tag">{t('review.score.counts')}</span>
          </>
        ) : (
          <span className="score-empty">{t('review.score.manual.none')}</span>
        )}
      </div>
    </div>
  )
}

function ScoreChip({ score }: { score: number }) {
  const tone = score >= 4 ? 'good' : score === 3 ? 'mid' : 'bad'
  return <span className={`score-chip ${tone}`}>{score}</span>
}

function Bubble({
  side,
  tone,
  author,
  muted,
  superseded,
  testId,
  children,
}: {
  side: 'in' | 'out'
  tone: 'customer' | 'bot' | 'owner'
  author?: string
  muted?: boolean
  superseded?: boolean
  testId?: string
  children: string
}) {
  return (
    <div className={`bubble-row ${side}`}>
      <div className={`bubble author-${tone}${muted ? ' muted' : ''}${superseded ? ' superseded' : ''}`} data-testid={testId}>
        {author && <div className="bubble-author">{author}</div>}
        <div className="bubble-text">{children}</div>
      </div>
    </div>
  )
}

function ActionButton({
  label,
  shortcut,
  className,
  disabled,
  onClick,
}: {
  label: string
  shortcut: string
  className?: string
  disabled?: boolean
  onClick: () => void
}) {
  return (
    <button type="button" className={`action ${className ?? ''}`} onClick={onClick} disabled={disabled} aria-keyshortcuts={shortcut}>
      {label}
      <kbd>{shortcut}</kbd>
    </button>
  )
}

function CorrectionEditor({
  initial,
  onSave,
  onSuggest,
  cloudKeyConfigured,
  onOpenSettings,
  onCancel,
}: {
  initial: string
  onSave: (text: string) => Promise<boolean>
  onSuggest: () => Promise<{ text: string } | { error: string }>
  cloudKeyConfigured: () => Promise<boolean>
  onOpenSettings?: () => void
  onCancel: () => void
}) {
  const t = useT()
  const [text, setText] = useState(initial)
  const [saving, setSaving] = useState(false)
  const [suggesting, setSuggesting] = useState(false)
  const [suggestError, setSuggestError] = useState<string | null>(null)
  /** null while asking: the button stays usable until the answer says there is no key. */
  const [hasKey, setHasKey] = useState<boolean | null>(null)

  // Asked each time the editor opens: the key may have been set in Ajustes since the last one.
  useEffect(() => {
    let live = true
    cloudKeyConfigured().then(
      (configured) => live && setHasKey(configured),
      () => live && setHasKey(null),
    )
    return () => {
      live = false
    }
  }, [cloudKeyConfigured])

  const suggest = async () => {
    setSuggesting(true)
    setSuggestError(null)
    const proposal = await onSuggest()
    setSuggesting(false)
    // The error shows beside the button that was clicked, not at the top of a long list.
    if ('text' in proposal) setText(proposal.text)
    else setSuggestError(proposal.error)
  }
  const noKey = hasKey === false
  const suggestNoteId = useId()
  const note = useRef<HTMLParagraphElement>(null)
  // Right under the button, the note can still fall below the window's edge: bring it into view.
  useEffect(() => {
    if (noKey || suggestError) note.current?.scrollIntoView?.({ block: 'nearest' })
  }, [noKey, suggestError])
  const area = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    const el = area.current
    if (!el) return
    el.focus()
    el.setSelectionRange(el.value.length, el.value.length)
  }, [])

  const save = async () => {
    if (text.trim() === '' || saving) return
    setSaving(true)
    const ok = await onSave(text.trim())
    if (!ok) setSaving(false)
  }

  return (
    <div className="bubble-row out">
      <div className="correction-editor">
        <label>
          {t('review.edit.label')}
          <textarea
            ref={area}
            value={text}
            rows={4}
            maxLength={4000}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault()
                void save()
              } else if (event.key === 'Escape') {
                event.preventDefault()
                onCancel()
              }
            }}
          />
        </label>
        <p className="hint">{t('review.edit.hint')}</p>
        <div className="editor-buttons">
          <button type="button" className="primary" disabled={saving || text.trim() === ''} onClick={() => void save()}>
            {saving ? t('review.edit.saving') : t('review.edit.save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('review.edit.cancel')}
          </button>
          <button
            type="button"
            disabled={suggesting || noKey}
            onClick={() => void suggest()}
            title={noKey ? t('review.edit.suggest.noKey') : t('review.edit.suggest.title')}
            aria-describedby={noKey ? suggestNoteId : undefined}
            data-testid="suggest-button"
          >
            {suggesting ? t('review.edit.suggesting') : t('review.edit.suggest')}
          </button>
        </div>
        {noKey && (
          <p ref={note} className="hint suggest-note" id={suggestNoteId} data-testid="suggest-no-key">
            {t('review.edit.suggest.noKey')}{' '}
            {onOpenSettings && (
              <button type="button" className="link-button" onClick={onOpenSettings}>
                {t('review.edit.suggest.openSettings')}
              </button>
            )}
          </p>
        )}
        {suggestError && (
          <p ref={note} className="form-error suggest-note" role="alert" data-testid="suggest-error">
            {suggestError}
          </p>
        )}
      </div>
    </div>
  )
}
