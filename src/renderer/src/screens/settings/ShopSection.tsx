import { useId } from 'react'
import { useT } from '../../i18n/i18n'
import { countryOf, currencyName, shopCountries, shopCurrencies, shopNumberLocales } from '../setup/countries-view'
import { TimezoneSelect } from '../setup/TimezoneSelect'
import { numberSample } from '../setup/setup-model'
import { FieldError, type SectionProps } from './settings-form'

/**
 * The shop's country and what it sets: currency, how numbers are written, time zone. Lists
 * only: a country picks all four, and each can then be changed on its own.
 */
export function ShopSection({ draft, setDraft, errors }: SectionProps) {
  const t = useT()
  const id = useId()
  const shop = draft.shop
  const country = countryOf(shop.country)
  const currencies = withCurrent(shopCurrencies(), shop.currency)
  const numberLocales = withCurrent(shopNumberLocales(), shop.numberLocale)

  const pickCountry = (code: string) => {
    const next = countryOf(code)
    if (!next) return
    setDraft((d) => ({
      ...d,
      shop: { ...d.shop, country: next.code, currency: next.currency, numberLocale: next.numberLocale },
      businessHours: { ...d.businessHours, timezone: next.timezones[0] ?? d.businessHours.timezone },
    }))
  }

  return (
    <fieldset data-testid="settings-shop">
      <legend>{t('settings.shop')}</legend>
      <p className="hint">{t('settings.shop.hint')}</p>
      <label>
        {t('settings.shop.country')}
        <select value={shop.country ?? ''} data-testid="shop-country" onChange={(e) => pickCountry(e.target.value)}>
          {shop.country === null && (
            <option value="" disabled>
              {t('setup.shop.country.pick')}
            </option>
          )}
          {shopCountries().map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldError message={errors['shop.country']} />
      </label>
      <div className="field-row">
        <label>
          {t('settings.shop.currency')}
          <select value={shop.currency} data-testid="shop-currency" onChange={(e) => setDraft((d) => ({ ...d, shop: { ...d.shop, currency: e.target.value } }))}>
            {currencies.map((code) => (
              <option key={code} value={code}>
                {currencyName(code)} ({code})
              </option>
            ))}
          </select>
          <FieldError message={errors['shop.currency']} />
        </label>
        <label>
          {t('settings.shop.numbers')}
          <select value={shop.numberLocale} data-testid="shop-numbers" onChange={(e) => setDraft((d) => ({ ...d, shop: { ...d.shop, numberLocale: e.target.value } }))}>
            {numberLocales.map((tag) => (
              <option key={tag} value={tag}>
                {numberSample(tag)} ({tag})
              </option>
            ))}
          </select>
          <FieldError message={errors['shop.numberLocale']} />
        </label>
      </div>
      <TimezoneSelect
        key={shop.country ?? ''}
        id={`${id}-tz`}
        countryZones={country?.timezones ?? []}
        value={draft.businessHours.timezone}
        onChange={(zone) => setDraft((d) => ({ ...d, businessHours: { ...d.businessHours, timezone: zone } }))}
      />
      <FieldError message={errors['businessHours']} />
    </fieldset>
  )
}

function withCurrent(list: string[], current: string): string[] {
  return list.includes(current) ? list : [current, ...list]
}
