import { useMemo } from 'react'
import type { ModelVersionDto } from '../../shared/types'
import { useNumberLocale, useT, type Translate } from './i18n/i18n'
import { catalogModelOf } from '../../shared/model-catalog'

/*
 * Every number, percent and date on the owner's screens (and in the chart PNGs, which are
 * drawn from the same SVG) is written with the shop's locale (`settings.shop.numberLocale`),
 * never the browser's: a shop in Colombia reads "1.704" and "22,5" whatever language the
 * computer was installed in. The pure functions take the locale; `useFormat()` binds them.
 */

export function formatNumber(locale: string, value: number, maximumFractionDigits = 0): string {
  return value.toLocaleString(locale, { maximumFractionDigits })
}

/** A fixed number of decimals: "0,7", "3,50" (values compared side by side keep one width). */
export function formatFixed(locale: string, value: number, digits: number): string {
  return value.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

/** Enough digits to tell two close values apart, without a wall of decimals on big ones. */
export function formatMetric(locale: string, value: number): string {
  return formatFixed(locale, value, metricDigits(value))
}

function metricDigits(value: number): number {
  return Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2
}

/**
 * Two values shown side by side, with as many more decimals as it takes for different values
 * to read differently: "22,49 → 22,46", never "22,5 → 22,5" beside "se parecen menos".
 */
export function formatMetricPair(locale: string, a: number, b: number): [string, string] {
  const pair: [string, string] = [formatMetric(locale, a), formatMetric(locale, b)]
  if (a === b || pair[0] !== pair[1]) return pair
  // Only when they would read the same: one more decimal at a time, on both.
  for (let digits = metricDigits(a) + 1; digits <= 6; digits++) {
    const closer: [string, string] = [formatFixed(locale, a, digits), formatFixed(locale, b, digits)]
    if (closer[0] !== closer[1]) return closer
  }
  return pair
}

/** A percent already multiplied by 100: "24,5 %" (the space Spanish style guides ask for). */
export function formatPercent(locale: string, percent: number, maximumFractionDigits = 0): string {
  return `${formatNumber(locale, percent, maximumFractionDigits)}\u00a0%`
}

export function formatLoss(locale: string, value: number): string {
  return formatFixed(locale, value, 3)
}

/**
 * "4,7 GB", "350 MB": decimal units, as disks and phone plans are sold and as Ollama reports a
 * download, so a model is the same size on every screen. A no-break space keeps a narrow button
 * from leaving "994" on one line and "MB" on the next.
 */
export function formatBytes(locale: string, bytes: number): string {
  if (bytes >= 1e9) return `${formatNumber(locale, bytes / 1e9, 1)}\u00a0GB`
  if (bytes >= 1e6) return `${formatNumber(locale, bytes / 1e6)}\u00a0MB`
  if (bytes >= 1e3) return `${formatNumber(locale, bytes / 1e3)}\u00a0KB`
  return `${formatNumber(locale, bytes)}\u00a0B`
}

/** "494 M", "8 mil M": model sizes are read as orders of magnitude, not digits. */
export function formatCompact(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value)
}

/** "3 de dic", with the year only when it is not this year's. */
export function formatShortDate(locale: string, epochMs: number, now: Date = new Date()): string {
  const date = new Date(epochMs)
  return date.toLocaleDateString(locale, date.getFullYear() === now.getFullYear() ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' })
}

/** "3 de dic de 2026": a date that stands alone (a key figure, a tooltip). */
export function formatDate(locale: string, epochMs: number): string {
  return new Date(epochMs).toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' })
}

export function formatDateTime(locale: string, epochMs: number): string {
  return new Date(epochMs).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
}

/** A calendar day "2026-12-03" on a chart axis: "3 de dic". Noon, so no time zone moves it. */
export function formatDayShort(locale: string, day: string): string {
  return dayDate(day).toLocaleDateString(locale, { day: 'numeric', month: 'short' })
}

/** The same day in a tooltip: "jueves, 3 de diciembre de 2026". */
export function formatDayLong(locale: string, day: string): string {
  return dayDate(day).toLocaleDateString(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
}

function dayDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d, 12)
}

/** "hace 5 min"; a week or more back, the date itself says more. */
export function formatRelative(locale: string, t: Translate, epochMs: number, now: number): string {
  const seconds = Math.max(0, (now - epochMs) / 1000)
  if (seconds < 45) return t('training.time.justNow')
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return t('training.time.minutes', { count: Math.max(1, minutes) })
  const hours = Math.round(minutes / 60)
  if (hours < 24) return t('training.time.hours', { count: hours })
  const days = Math.round(hours / 24)
  if (days === 1) return t('training.time.yesterday')
  if (days < 7) return t('training.time.days', { count: days })
  return formatDate(locale, epochMs)
}

/**
 * What the owner calls a model version: "Versión 1 (entrenada el 3 de dic)", not the Ollama
 * tag `autodidacta-tienda-d-s:v1` (that stays one click away, in the technical details).
 */
export function formatVersionName(
  locale: string,
  t: Translate,
  version: Pick<ModelVersionDto, 'version' | 'source' | 'createdAt'>,
  now: Date = new Date(),
): string {
  if (version.source === 'base') return t('version.name.base', { version: version.version })
  return t(`version.name.${version.source}`, { version: version.version, date: formatShortDate(locale, version.createdAt, now) })
}

/** How the core records an answer of the cloud endpoint: `cloud:<model>`. */
const CLOUD_PREFIX = 'cloud:'

/**
 * A model the core names by its tag, in the owner's words when it is one of the shop's
 * versions; another model (one chosen in Ajustes, a cloud model) keeps its own name.
 */
export function modelDisplayName(locale: string, t: Translate, model: string, versions: readonly ModelVersionDto[], now: Date = new Date()): string {
  // Answers of the cloud endpoint are recorded as `cloud:<model>`.
  if (model.startsWith(CLOUD_PREFIX)) return t('message.model.cloud', { model: model.slice(CLOUD_PREFIX.length) })
  const version = versions.find((v) => v.name === model)
  if (version) return formatVersionName(locale, t, version, now)
  // A version no longer listed (deleted in Ollama, or the demo's) still has the app's own tag: its number is in it.
  const tagged = /^autodidacta-[a-z0-9-]+:v(\d+)$/.exec(model)
  if (tagged) return t('version.short', { version: Number(tagged[1]) })
  return catalogModelName(t, model) ?? model
}

/**
 * A model of the plans, as the plan cards name it ("Qwen 2.5 0.5B", its training base "Qwen 2.5
 * 0.5B (base para aprender)"); null for a model outside the plans, which keeps its Ollama tag.
 */
export function catalogModelName(t: Translate, model: string): string | null {
  const known = catalogModelOf(model)
  if (!known) return null
  const name = t('setup.plan.name', { family: known.model.family, size: known.model.sizeLabel })
  return known.role === 'answer' ? name : t('setup.pull.baseLabel', { model: name })
}

export interface Formatters {
  locale: string
  number: (value: number, maximumFractionDigits?: number) => string
  fixed: (value: number, digits: number) => string
  metric: (value: number) => string
  metricPair: (a: number, b: number) => [string, string]
  percent: (percent: number, maximumFractionDigits?: number) => string
  loss: (value: number) => string
  bytes: (bytes: number) => string
  compact: (value: number) => string
  shortDate: (epochMs: number) => string
  date: (epochMs: number) => string
  dateTime: (epochMs: number) => string
  dayShort: (day: string) => string
  dayLong: (day: string) => string
  relative: (epochMs: number, now: number) => string
  versionName: (version: Pick<ModelVersionDto, 'version' | 'source' | 'createdAt'>) => string
  modelName: (model: string, versions: readonly ModelVersionDto[]) => string
}

export function formatters(locale: string, t: Translate): Formatters {
  return {
    locale,
    number: (value, digits) => formatNumber(locale, value, digits),
    fixed: (value, digits) => formatFixed(locale, value, digits),
    metric: (value) => formatMetric(locale, value),
    metricPair: (a, b) => formatMetricPair(locale, a, b),
    percent: (percent, digits) => formatPercent(locale, percent, digits),
    loss: (value) => formatLoss(locale, value),
    bytes: (bytes) => formatBytes(locale, bytes),
    compact: (value) => formatCompact(locale, value),
    shortDate: (epochMs) => formatShortDate(locale, epochMs),
    date: (epochMs) => formatDate(locale, epochMs),
    dateTime: (epochMs) => formatDateTime(locale, epochMs),
    dayShort: (day) => formatDayShort(locale, day),
    dayLong: (day) => formatDayLong(locale, day),
    relative: (epochMs, now) => formatRelative(locale, t, epochMs, now),
    versionName: (version) => formatVersionName(locale, t, version),
    modelName: (model, versions) => modelDisplayName(locale, t, model, versions),
  }
}

/** The formatters bound to the shop's locale and the app's language. */
export function useFormat(): Formatters {
  const locale = useNumberLocale()
  const t = useT()
  return useMemo(() => formatters(locale, t), [locale, t])
}
