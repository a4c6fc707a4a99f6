import { useMemo, useState } from 'react'
import { useT } from '../../i18n/i18n'
import { allTimezones, timezoneChoices, timezoneLabel } from './setup-model'

const OTHER = '__other__'

/**
 * The time zone, from a list: the country's zones, and "Otra zona horaria…" to open every zone
 * the computer knows. Never typed: a misspelt zone would shift every opening hour.
 */
export function TimezoneSelect({ id, countryZones, value, onChange }: { id: string; countryZones: readonly string[]; value: string; onChange: (zone: string) => void }) {
  const t = useT()
  const [showAll, setShowAll] = useState(() => value !== '' && !countryZones.includes(value))
  const all = useMemo(() => (showAll ? allTimezones() : []), [showAll])
  const zones = timezoneChoices(countryZones, showAll, value || null, all)
  return (
    <label htmlFor={id}>
      {t('setup.shop.timezone')}
      <select
        id={id}
        value={value}
        data-testid="timezone-select"
        onChange={(e) => {
          if (e.target.value === OTHER) setShowAll(true)
          else onChange(e.target.value)
        }}
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {timezoneLabel(zone)}
          </option>
        ))}
        {!showAll && <option value={OTHER}>{t('setup.shop.timezone.other')}</option>}
      </select>
      <small>{showAll ? t('setup.shop.timezone.allHint') : t('setup.shop.timezone.hint')}</small>
    </label>
  )
}
