import { useT } from '../i18n/i18n'
import { PERIODS, type Period, type PeriodFilter } from '../period'

/** The date filter of a filter bar: a preset, or two day pickers for "Elegir fechas…". */
export function PeriodFields({ value, onChange }: { value: PeriodFilter; onChange: (patch: Partial<PeriodFilter>) => void }) {
  const t = useT()
  return (
    <>
      <label className="filter">
        {t('period.label')}
        <select value={value.period} onChange={(e) => onChange({ period: e.target.value as Period })}>
          {PERIODS.map((period) => (
            <option key={period} value={period}>
              {t(`period.${period}`)}
            </option>
          ))}
        </select>
      </label>
      {value.period === 'custom' && (
        <>
          <label className="filter">
            {t('period.from')}
            <input type="date" value={value.fromDay} max={value.toDay || undefined} onChange={(e) => onChange({ fromDay: e.target.value })} />
          </label>
          <label className="filter">
            {t('period.to')}
            <input type="date" value={value.toDay} min={value.fromDay || undefined} onChange={(e) => onChange({ toDay: e.target.value })} />
          </label>
        </>
      )}
    </>
  )
}
