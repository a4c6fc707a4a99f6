import type { BusinessHours } from '../../../../shared/types'
import { useT } from '../../i18n/i18n'
import { FieldError, type SectionProps } from './settings-form'

// Monday first, as a Colombian shop reads its week.
const DAYS = [1, 2, 3, 4, 5, 6, 0] as const

/** Business hours: one opening range per day (the API takes several; the form keeps it simple). */
export function HoursSection({ draft, setDraft, errors }: SectionProps) {
  const t = useT()
  const hours = draft.businessHours
  const setHours = (update: (h: BusinessHours) => BusinessHours) => setDraft((d) => ({ ...d, businessHours: update(d.businessHours) }))
  const rangeOf = (day: number) => hours.week.find((r) => r.day === day) ?? null
  const setRange = (day: number, range: { open: string; close: string } | null) =>
    setHours((h) => ({
      ...h,
      week: [...h.week.filter((r) => r.day !== day), ...(range ? [{ day, ...range }] : [])].sort((a, b) => a.day - b.day),
    }))

  return (
    <fieldset>
      <legend>{t('settings.hours')}</legend>
      <label className="check">
        <input type="checkbox" checked={hours.enabled} onChange={(e) => setHours((h) => ({ ...h, enabled: e.target.checked }))} />
        {t('settings.hours.enabled')}
      </label>
      <p className="hint">{t('settings.hours.hint')}</p>
      {hours.enabled && (
        <>
          <table className="hours-table">
            <tbody>
              {DAYS.map((day) => {
                const range = rangeOf(day)
                return (
                  <tr key={day}>
                    <th scope="row">{t(`settings.hours.day.${day}`)}</th>
                    <td>
                      <label className="check">
                        <input type="checkbox" checked={range !== null} onChange={(e) => setRange(day, e.target.checked ? { open: '08:00', close: '18:00' } : null)} />
                        {range ? t('settings.hours.open') : t('settings.hours.closed')}
                      </label>
                    </td>
                    <td>
                      {range && (
                        <span className="hours-range">
                          <input type="time" aria-label={t('settings.hours.opensAt', { day: t(`settings.hours.day.${day}`) })} value={range.open} onChange={(e) => setRange(day, { ...range, open: e.target.value })} />
                          –
                          <input type="time" aria-label={t('settings.hours.closesAt', { day: t(`settings.hours.day.${day}`) })} value={range.close} onChange={(e) => setRange(day, { ...range, close: e.target.value })} />
                        </span>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          <FieldError message={errors['businessHours']} />
          <p className="hint">{t('settings.hours.timezone.where', { zone: hours.timezone })}</p>
          <label>
            {t('settings.hours.message')}
            <textarea rows={2} value={hours.message} onChange={(e) => setHours((h) => ({ ...h, message: e.target.value }))} />
            <small>{t('settings.hours.message.hint')}</small>
          </label>
          <label>
            {t('settings.hours.mode')}
            <select value={hours.mode} onChange={(e) => setHours((h) => ({ ...h, mode: e.target.value as BusinessHours['mode'] }))}>
              <option value="message_and_answer">{t('settings.hours.mode.message_and_answer')}</option>
              <option value="message_only">{t('settings.hours.mode.message_only')}</option>
            </select>
          </label>
        </>
      )}
    </fieldset>
  )
}
