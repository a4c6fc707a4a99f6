import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { ApiError } from '../../../../shared/api/errors'
import { isValidationSummary } from '../../../../shared/api/validation-messages'
import { DEFAULT_CURRENCY, type ProductDto, type ProductInput } from '../../../../shared/catalog'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useNumberLocale, useT, type Locale } from '../../i18n/i18n'
import { describeProblem, fieldOf, type ProductField } from './field-errors'
import { parsePrice, priceToText } from './price'
import { ProductPhotoField } from './ProductPhoto'

interface Draft {
  name: string
  sku: string
  price: string
  currency: string
  category: string
  description: string
  keywords: string
  active: boolean
}

function draftFrom(product: ProductDto | null, locale: Locale, numberLocale: string, shopCurrency: string | null): Draft {
  if (!product) return { name: '', sku: '', price: '', currency: shopCurrency ?? DEFAULT_CURRENCY, category: '', description: '', keywords: '', active: true }
  return {
    name: product.name,
    sku: product.sku ?? '',
    price: priceToText(product.price, product.currency, locale, numberLocale),
    currency: product.currency,
    category: product.category ?? '',
    description: product.description,
    keywords: product.keywords.join(', '),
    active: product.active,
  }
}

/** "piano, teclado,, Piano" → ["piano", "teclado"]: the owner types a list, the core stores one. */
function splitKeywords(text: string): string[] {
  const seen = new Set<string>()
  return text
    .split(',')
    .map((k) => k.trim())
    .filter((k) => {
      const key = k.toLocaleLowerCase()
      if (!k || seen.has(key)) return false
      seen.add(key)
      return true
    })
}

type FieldErrors = Partial<Record<ProductField, string>>

/** The side panel that creates, edits and deletes one product. */
export function ProductForm({
  product,
  locale,
  shopCurrency = null,
  categories,
  onClose,
  onSaved,
  onDeleted,
  onPhotoChanged,
}: {
  /** Null for a new product. */
  product: ProductDto | null
  locale: Locale
  /** The shop's currency, which a new product starts in. */
  shopCurrency?: string | null
  categories: string[]
  onClose: () => void
  onSaved: (product: ProductDto, created: boolean) => void
  onDeleted: (product: ProductDto) => void
  /** A photo was saved or removed (at once, apart from the form's other fields). */
  onPhotoChanged?: (product: ProductDto) => void
}) {
  const api = useApi()
  const t = useT()
  const numberLocale = useNumberLocale()
  const id = useId()
  const [draft, setDraft] = useState(() => draftFrom(product, locale, numberLocale, shopCurrency))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirmingDelete, setConfirmingDelete] = useState(false)
  const nameRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    nameRef.current?.focus()
  }, [])

  const set = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }))
    // The summary spoke of the form as it was; the errors that still apply stay by their fields.
    setNotice(null)
    // An error next to a field the owner is fixing would contradict what they see.
    setErrors((current) => {
      const next = { ...current }
      for (const key of Object.keys(patch) as ProductField[]) delete next[key]
      return next
    })
  }

  const check = (): { input: ProductInput } | { errors: FieldErrors } => {
    const found: FieldErrors = {}
    const price = parsePrice(draft.price)
    if (!draft.name.trim()) found.name = t('catalog.form.error.name')
    if (price !== null && Number.isNaN(price)) found.price = t('catalog.form.error.price')
    if (!/^[A-Za-z]{3}$/.test(draft.currency.trim())) found.currency = t('catalog.problem.currency')
    if (Object.keys(found).length > 0) return { errors: found }
    return {
      input: {
        name: draft.name.trim(),
        sku: draft.sku.trim() || null,
        price,
        currency: draft.currency.trim().toUpperCase(),
        category: draft.category.trim() || null,
        description: draft.description.trim(),
        keywords: splitKeywords(draft.keywords),
        active: draft.active,
      },
    }
  }

  const fail = (failure: unknown) => {
    if (failure instanceof ApiError && failure.fields?.length) {
      const byField: FieldErrors = {}
      const unplaced = failure.fields.filter((f) => {
        const field = fieldOf(f.path)
        if (!field) return true
        byField[field] ??= describeProblem(f.message, t)
        return false
      })
      setErrors(byField)
      // The core's own refusals (a SKU already in use) are a Spanish sentence worth showing;
      // the generic validation summary is technical, and the fields already say it.
      const generic = isValidationSummary(failure)
      setNotice(unplaced.length > 0 ? describeError(failure, t) : generic ? t('catalog.form.error.fields') : failure.message)
    } else {
      setNotice(describeError(failure, t))
    }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setNotice(null)
    const checked = check()
    if ('errors' in checked) {
      setErrors(checked.errors)
      setNotice(t('catalog.form.error.fields'))
      return
    }
    setBusy(true)
    try {
      const saved = await api.call('catalog.save', product ? { id: product.id, product: checked.input } : { product: checked.input })
      onSaved(saved, product === null)
    } catch (failure) {
      fail(failure)
    } finally {
      setBusy(false)
    }
  }

  const remove = async () => {
    if (!product) return
    setBusy(true)
    setNotice(null)
    try {
      await api.call('catalog.delete', { id: product.id })
      onDeleted(product)
    } catch (failure) {
      setNotice(describeError(failure, t))
      setConfirmingDelete(false)
    } finally {
      setBusy(false)
    }
  }

  const field = (name: ProductField, label: string, control: (props: FieldProps) => ReactNode, hint?: string) => {
    const controlId = `${id}-${name}`
    const error = errors[name]
    const described = [hint ? `${controlId}-hint` : null, error ? `${controlId}-error` : null].filter(Boolean).join(' ')
    return (
      <div className={`field catalog-field field-${name}`}>
        <label htmlFor={controlId}>{label}</label>
        {control({ id: controlId, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
        {hint && <small id={`${controlId}-hint`}>{hint}</small>}
        {error && (
          <span className="form-error" id={`${controlId}-error`} data-testid={`field-error-${name}`}>
            {error}
          </span>
        )}
      </div>
    )
  }

  const titleId = `${id}-title`
  return (
    <>
      <div className="catalog-backdrop" onClick={busy ? undefined : onClose} aria-hidden="true" />
      <aside
        className="catalog-drawer"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="product-form"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !busy) onClose()
        }}
      >
        <header className="catalog-drawer-head">
          <h2 id={titleId}>{product ? t('catalog.form.editTitle') : t('catalog.form.newTitle')}</h2>
          <button type="button" className="catalog-close" aria-label={t('catalog.form.close')} onClick={onClose} disabled={busy}>
            ✕
          </button>
        </header>
        <form className="catalog-form" noValidate onSubmit={(e) => void submit(e)}>
          <div className="catalog-drawer-body">
            {field('name', t('catalog.form.name'), (props) => (
              <input {...props} ref={nameRef} value={draft.name} maxLength={200} required onChange={(e) => set({ name: e.target.value })} />
            ))}
            <div className="catalog-form-row">
              {field(
                'price',
                t('catalog.form.price'),
                (props) => (
                  <input
                    {...props}
                    inputMode="decimal"
                    value={draft.price}
                    placeholder={t('catalog.form.price.placeholder')}
                    onChange={(e) => set({ price: e.target.value })}
                  />
                ),
                t('catalog.form.price.hint'),
              )}
              {field('currency', t('catalog.form.currency'), (props) => (
                <input
                  {...props}
                  value={draft.currency}
                  maxLength={3}
                  list={`${id}-currencies`}
                  autoCapitalize="characters"
                  onChange={(e) => set({ currency: e.target.value.toUpperCase() })}
                />
              ))}
            </div>
            <datalist id={`${id}-currencies`}>
              <option value="COP" />
              <option value="USD" />
              <option value="EUR" />
            </datalist>
            <div className="catalog-form-row">
              {field(
                'sku',
                t('catalog.form.sku'),
                (props) => <input {...props} value={draft.sku} maxLength={64} onChange={(e) => set({ sku: e.target.value })} />,
                t('catalog.form.sku.hint'),
              )}
              {field('category', t('catalog.form.category'), (props) => (
                <input {...props} value={draft.category} maxLength={80} list={`${id}-categories`} onChange={(e) => set({ category: e.target.value })} />
              ))}
            </div>
            <datalist id={`${id}-categories`}>
              {categories.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
            <ProductPhotoField product={product} onChanged={(changed) => onPhotoChanged?.(changed)} />
            {field('description', t('catalog.form.description'), (props) => (
              <textarea {...props} rows={4} value={draft.description} maxLength={4000} onChange={(e) => set({ description: e.target.value })} />
            ))}
            {field(
              'keywords',
              t('catalog.form.keywords'),
              (props) => <input {...props} value={draft.keywords} onChange={(e) => set({ keywords: e.target.value })} />,
              t('catalog.form.keywords.hint'),
            )}
            <label className="check catalog-active">
              <input type="checkbox" checked={draft.active} onChange={(e) => set({ active: e.target.checked })} />
              <span>
                {t('catalog.form.active')} <small>{t('catalog.form.active.hint')}</small>
              </span>
            </label>
            {notice && (
              <p className="notice bad" role="alert" data-testid="product-form-notice">
                {notice}
              </p>
            )}
            {confirmingDelete && product && (
              <div className="confirm" role="alertdialog" aria-labelledby={`${id}-confirm`}>
                <p id={`${id}-confirm`}>{t('catalog.delete.confirm', { name: product.name })}</p>
                <div className="card-actions">
                  <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
                    {t('catalog.delete.yes')}
                  </button>
                  <button type="button" disabled={busy} onClick={() => setConfirmingDelete(false)}>
                    {t('catalog.delete.no')}
                  </button>
                </div>
              </div>
            )}
          </div>
          <footer className="catalog-drawer-foot">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('catalog.form.saving') : t('catalog.form.save')}
            </button>
            <button type="button" onClick={onClose} disabled={busy}>
              {t('catalog.form.cancel')}
            </button>
            <span className="spacer" />
            {product && !confirmingDelete && (
              <button type="button" className="danger-outline" disabled={busy} onClick={() => setConfirmingDelete(true)}>
                {t('catalog.delete')}
              </button>
            )}
          </footer>
        </form>
      </aside>
    </>
  )
}

interface FieldProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}
