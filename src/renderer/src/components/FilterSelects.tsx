import { CATEGORIES, OWNER_ANSWERS_MODEL, type Category } from '../../../shared/types'
import { useT } from '../i18n/i18n'
import { useModelVersions } from '../api/use-model-versions'
import { useFormat } from '../number-format'

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
  const fmt = useFormat()
  const shopVersions = useModelVersions()
  // A model the server no longer lists (demo data hidden) may still be the active filter; keep it selectable.
  const options = (value && !models.includes(value) ? [value, ...models] : models).filter(Boolean)
  // The owner's own answers are not a version of the bot: they get their own, plainly named option.
  const versions = options.filter((model) => model !== OWNER_ANSWERS_MODEL)
  const ownerAnswers = options.includes(OWNER_ANSWERS_MODEL)
  return (
    <label className="filter">
      {t('review.filters.model')}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('review.filters.model.all')}</option>
        {versions.length > 0 && (
          <optgroup label={t('review.filters.model.versions')}>
            {versions.map((model) => (
              <option key={model} value={model}>
                {fmt.modelName(model, shopVersions)}
              </option>
            ))}
          </optgroup>
        )}
        {ownerAnswers && <option value={OWNER_ANSWERS_MODEL}>{t('review.filters.model.owner')}</option>}
      </select>
    </label>
  )
}
