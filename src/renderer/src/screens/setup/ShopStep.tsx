import { useId, useMemo, useState, type FormEvent } from 'react'
import type { SetupDto } from '../../../../shared/setup'
import type { Settings } from '../../../../shared/types'
import { useApi } from '../../api/api-context'
import { describeError } from '../../api/describe-error'
import { useT } from '../../i18n/i18n'
import { countryOf, currencyName, shopCountries } from './countries-view'
import { TimezoneSelect } from './TimezoneSelect'
import { numberSample } from './setup-model'

/** Step "Tienda": the shop's name and country; the country fills currency, number format and time zone. */
export function ShopStep({ settings, onSaved }: { settings: Settings; onSaved: (setup: SetupDto) => void }) {
  const api = useApi()
  const t = useT()
  const id = useId()
  const [shopName, setShopName] = useState(settings.persona.shopName)
  const [country, setCountry] = useState(settings.shop.country ?? '')
  const [timezone, setTimezone] = useState<string | null>(settings.shop.country ? settings.businessHours.timezone : null)
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const countries = useMemo(() => shopCountries(), [])
  const chosen = countryOf(country)

  const pickCountry = (code: string) => {
    setCountry(code)
    setTimezone(countryOf(code)?.timezones[0] ?? null)
  }

  const save = async (event: FormEvent) => {
    event.preventDefault()
    if (!chosen) return
    setSaving(true)
    setFailure(null)
    try {
      onSaved(await api.call('setup.saveShop', { shopName: shopName.trim(), country: chosen.code, ...(timezone ? { timezone } : {}) }))
    } catch (error) {
      setFailure(describeError(error, t))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="setup-shop" onSubmit={(e) => void save(e)} noValidate>
      <p className="card-lead">{t('setup.shop.lead')}</p>
      <label>
        {t('setup.shop.name')}
        <input value={shopName} maxLength={80} onChange={(e) => setShopName(e.target.value)} placeholder={t('setup.shop.name.placeholder')} />
      </label>
      <label>
        {t('setup.shop.country')}
        <select value={country} onChange={(e) => pickCountry(e.target.value)} data-testid="setup-country">
          <option value="" disabled>
            {t('setup.shop.country.pick')}
          </option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <>
          <dl className="facts setup-facts" data-testid="setup-shop-facts">
            <div>
              <dt>{t('setup.shop.currency')}</dt>
              <dd>
                {currencyName(chosen.currency)} ({chosen.currency})
              </dd>
            </div>
            <div>
              <dt>{t('setup.shop.numbers')}</dt>
              <dd>{numberSample(chosen.numberLocale)}</dd>
            </div>
          </dl>
          <TimezoneSelect id={`${id}-tz`} countryZones={chosen.timezones} value={timezone ?? chosen.timezones[0] ?? ''} onChange={setTimezone} />
          <p className="hint">{t('setup.shop.editLater')}</p>
        </>
      )}
      {failure && (
        <p className="notice bad" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="primary" disabled={saving || !chosen || shopName.trim() === ''} data-testid="setup-shop-save">
        {saving ? t('setup.saving') : t('setup.shop.save')}
      </button>
    </form>
  )
}
