import { useState } from 'react'
import { useT } from '../../i18n/i18n'
import { FieldError, type SectionProps } from './settings-form'

function parseAmounts(text: string): number[] | null {
  const parts = text.split(/[;\n]|,(?=\s)/).map((p) => p.trim()).filter(Boolean)
  const values = parts.map((p) => Number(p.replace(/[$\s]/g, '').replace(/\./g, '').replace(',', '.')))
  return values.every((v) => Number.isFinite(v) && v >= 0) ? values : null
}

/** How the bot answers: guardrails, what it says while waiting, handoff to a person, retrieval. */
export function RepliesSection({ draft, setDraft, errors }: SectionProps) {
  const t = useT()
  const [amounts, setAmounts] = useState(draft.guardrails.extraAllowedAmounts.join('; '))
  const amountsValid = parseAmounts(amounts) !== null
  const g = draft.guardrails

  return (
    <fieldset>
      <legend>{t('settings.replies')}</legend>
      <label className="check">
        <input type="checkbox" checked={g.checkPrices} onChange={(e) => setDraft((d) => ({ ...d, guardrails: { ...d.guardrails, checkPrices: e.target.checked } }))} />
        {t('settings.guardrails.checkPrices')}
      </label>
      <p className="hint">{t('settings.guardrails.checkPrices.hint')}</p>
      <label>
        {t('settings.guardrails.extraAmounts')}
        <input
          value={amounts}
          placeholder="12000; 8000"
          onChange={(e) => {
            setAmounts(e.target.value)
            const parsed = parseAmounts(e.target.value)
            if (parsed) setDraft((d) => ({ ...d, guardrails: { ...d.guardrails, extraAllowedAmounts: parsed } }))
          }}
        />
        <small>{t('settings.guardrails.extraAmounts.hint')}</small>
        {!amountsValid && <span className="form-error">{t('settings.guardrails.extraAmounts.invalid')}</span>}
      </label>
      <label>
        {t('settings.guardrails.maxReplyChars')}
        <input type="number" min={80} max={4000} value={g.maxReplyChars} onChange={(e) => setDraft((d) => ({ ...d, guardrails: { ...d.guardrails, maxReplyChars: Number(e.target.value) } }))} />
        <FieldError message={errors['guardrails.maxReplyChars']} />
      </label>
      <label>
        {t('settings.guardrails.handoffReply')}
        <textarea rows={2} value={g.handoffReply} onChange={(e) => setDraft((d) => ({ ...d, guardrails: { ...d.guardrails, handoffReply: e.target.value } }))} />
        <small>{t('settings.guardrails.handoffReply.hint')}</small>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.llm.holdingReply !== null}
          onChange={(e) => setDraft((d) => ({ ...d, llm: { ...d.llm, holdingReply: e.target.checked ? t('settings.holdingReply.default') : null } }))}
        />
        {t('settings.holdingReply')}
      </label>
      {draft.llm.holdingReply !== null && (
        <label>
          {t('settings.holdingReply.text')}
          <textarea rows={2} value={draft.llm.holdingReply} onChange={(e) => setDraft((d) => ({ ...d, llm: { ...d.llm, holdingReply: e.target.value } }))} />
          <small>{t('settings.holdingReply.hint')}</small>
        </label>
      )}
      {/* How many products and examples go into each prompt, and how they are found: for those who want to tune it. */}
      <details className="tech-details" data-testid="retrieval-technical">
        <summary>{t('tech.details')}</summary>
        <div className="field-row">
          <label>
            {t('settings.retrieval.maxProducts')}
            <input type="number" min={0} max={30} value={draft.retrieval.maxProducts} onChange={(e) => setDraft((d) => ({ ...d, retrieval: { ...d.retrieval, maxProducts: Number(e.target.value) } }))} />
          </label>
          <label>
            {t('settings.retrieval.maxExamples')}
            <input type="number" min={0} max={10} value={draft.retrieval.maxExamples} onChange={(e) => setDraft((d) => ({ ...d, retrieval: { ...d.retrieval, maxExamples: Number(e.target.value) } }))} />
          </label>
          <label className="grow">
            {t('settings.retrieval.embeddingModel')}
            <input value={draft.retrieval.embeddingModel} onChange={(e) => setDraft((d) => ({ ...d, retrieval: { ...d.retrieval, embeddingModel: e.target.value } }))} />
          </label>
        </div>
        <p className="hint">{t('settings.retrieval.hint')}</p>
      </details>
    </fieldset>
  )
}
