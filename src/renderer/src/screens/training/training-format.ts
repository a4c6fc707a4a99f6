import { useEffect, useState } from 'react'
import type { Translate } from '../../i18n/i18n'

/*
 * Words (relative times, ETAs, durations) go through i18n; numbers and dates go through
 * ../../number-format.ts, with the shop's locale.
 */

/** The time left in words an owner reads at a glance: "unos 3 min", not "187 s". */
export function formatEta(seconds: number, t: Translate): string {
  if (!Number.isFinite(seconds) || seconds < 60) return t('training.eta.underMinute')
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return t('training.eta.minutes', { count: minutes })
  const hours = Math.floor(minutes / 60)
  // Past an hour, five-minute precision is all an estimate this rough can promise.
  const rest = Math.round((minutes % 60) / 5) * 5
  if (rest === 0 || rest === 60) {
    const whole = rest === 60 ? hours + 1 : hours
    return whole === 1 ? t('training.eta.oneHour') : t('training.eta.hours', { count: whole })
  }
  return hours === 1 ? t('training.eta.oneHourMinutes', { minutes: rest }) : t('training.eta.hoursMinutes', { hours, minutes: rest })
}

export function formatDuration(ms: number, t: Translate): string {
  const total = Math.max(0, Math.round(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  if (hours > 0) return t('training.duration.hours', { hours, minutes })
  if (minutes > 0) return t('training.duration.minutes', { minutes, seconds })
  return t('training.duration.seconds', { seconds })
}

/** The current time, refreshed every `intervalMs` so relative times and elapsed counters move. */
export function useClock(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

/** A file path's last part: base models are often blobs/sha256-…, which say nothing alone. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean)
  return parts.at(-1) ?? path
}
