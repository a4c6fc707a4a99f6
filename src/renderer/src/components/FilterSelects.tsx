import { CATEGORIES, type Category } from '../../../shared/types'
import { useT } from '../i18n/i18n'

/** The category filter of a filter bar ('' = every category). */
export function CategorySelect({ value, onChange }: { value: Category | ''; onChange: (category: Category | '') => void }) {
  const t = useT()
  return (
    <label className="filter">
      {t('review.filters.category')}
      <select value={value} onChange={(e) => onChange(e.target.value as Category | '')}>
        <option value="">{t('review.filters.category.all')}</option>
        {CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {t(`category.${category}`)}
          </option>
        ))}
      </select>
    </label>
  )
}

/** The model filter ('' = every model), from the models the core has seen answer. */
export function ModelSelect({ value, models, onChange }: { value: string; models: string[]; onChange: (model: string) => void }) {
  const t = useT()
  // A model the server no longer lists (demo data hidden) may still be the active filter; keep it selectable.
  const options = (value && !models.includes(value) ? [value, ...models] : models).filter(Boolean)
  return (
    <label className="filter">
      {t('review.filters.model')}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('review.filters.model.all')}</option>
        {options.map((model) => (
          <option key={model} value={model}>
            {model}
          </option>
        ))}
      </select>
    </label>
  )
}
