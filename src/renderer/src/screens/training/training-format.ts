import { useEffect, useState } from 'react'
import type { Translate } from '../../i18n/i18n'

/**
 * Numbers follow the browser's locale, as the rest of the app does (DatasetList, Catálogo);
 * words (relative times, ETAs) go through i18n so they follow the app's language.
 */
export function formatNumber(value: number, maximumFractionDigits = 0): string {
  return value.toLocaleString(undefined, { maximumFractionDigits })
}

/** Enough digits to tell two close values apart, without a wall of decimals on big ones. */
export function formatMetric(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2
  return value.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

export function formatLoss(value: number): string {
  return value.toLocaleString(undefined, { minimumFractionDigits: 3, maximumFractionDigits: 3 })
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toLocaleString(undefined, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`
}

/** "494 M", "8 mil M": model sizes are read as orders of magnitude, not digits. */
export function formatCompact(value: number): string {
  return new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(value)
}

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

/** "hace 5 min"; a week or more back, the date itself says more. */
export function formatRelative(epochMs: number, now: number, t: Translate): string {
  const seconds = Math.max(0, (now - epochMs) / 1000)
  if (seconds < 45) return t('training.time.justNow')
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return t('training.time.minutes', { count: Math.max(1, minutes) })
  const hours = Math.round(minutes / 60)
  if (hours < 24) return t('training.time.hours', { count: hours })
  const days = Math.round(hours / 24)
  if (days === 1) return t('training.time.yesterday')
  if (days < 7) return t('training.time.days', { count: days })
  return new Date(epochMs).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
}

/** The full date and time, for a `title` behind a relative time. */
export function formatDateTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
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
