// What the "Primeros pasos" screens compute, kept apart from React so it is tested on its own.
import type { AnswerSpeed, ModelPlanDto, ModelPlanOption, ModelPullDto, SetupDto, SetupStepId } from '../../../../shared/setup'
import { SETUP_STEPS } from '../../../../shared/setup'
import type { MessageKey } from '../../i18n/es'
import type { Translate } from '../../i18n/i18n'
import { catalogModelName, formatBytes } from '../../number-format'

/**
 * The step after `from` that still needs the owner (neither done nor skipped), else any earlier
 * one, else null: "Más tarde" and "Siguiente" move on without stopping on finished steps.
 */
export function nextOpenStep(setup: SetupDto, from: SetupStepId): SetupStepId | null {
  const index = SETUP_STEPS.indexOf(from)
  const order = [...SETUP_STEPS.slice(index + 1), ...SETUP_STEPS.slice(0, index)]
  const open = (id: SetupStepId) => {
    const step = setup.steps.find((s) => s.id === id)
    return step !== undefined && !step.done && !step.skipped
  }
  return order.find(open) ?? null
}

/** Where the assistant opens: where the owner left off, else the first step not done. */
export function startStep(setup: SetupDto): SetupStepId {
  return setup.current ?? setup.steps.find((s) => !s.done)?.id ?? 'shop'
}

/** The assistant opens by itself only on a first start the owner has not closed. */
export function opensAtStart(setup: SetupDto): boolean {
  return !setup.complete && !setup.dismissed
}

export const SPEED_KEYS: Record<AnswerSpeed, MessageKey> = {
  fast: 'setup.model.speed.fast',
  usable: 'setup.model.speed.usable',
  slow: 'setup.model.speed.slow',
}

/**
 * A download named as the plan cards name the model ("Qwen 2.5 0.5B"; its training base "Qwen 2.5
 * 0.5B (base para aprender)"), not by its Ollama tag; a model outside the plans keeps its tag.
 */
export function pullLabel(name: string, plan: ModelPlanDto | null, t: Translate): string {
  const same = (tag: string) => tag.toLowerCase() === name.toLowerCase()
  for (const option of plan?.options ?? []) {
    const model = t('setup.plan.name', { family: option.family, size: option.sizeLabel })
    if (same(option.answerModel)) return model
    if (same(option.trainingBase)) return t('setup.pull.baseLabel', { model })
  }
  return catalogModelName(t, name) ?? name
}

/** The recommended option first, then the rest in the core's order. */
export function orderedOptions(plan: ModelPlanDto): ModelPlanOption[] {
  const recommended = plan.options.filter((o) => o.id === plan.recommendedId)
  return [...recommended, ...plan.options.filter((o) => o.id !== plan.recommendedId)]
}

/** "3,4 MB/s". */
export function formatRate(bytesPerSecond: number, numberLocale: string): string {
  return `${formatBytes(numberLocale, bytesPerSecond)}/s`
}

/** Time left in words: "menos de un minuto", "unos 12 min", "unas 2 h 10 min". */
export function formatEta(seconds: number, t: Translate): string {
  if (seconds < 60) return t('setup.eta.underMinute')
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return t('setup.eta.minutes', { count: minutes })
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest === 0 ? t('setup.eta.hours', { hours }) : t('setup.eta.hoursMinutes', { hours, minutes: rest })
}

/** "20–40 min" or "1–2 h" per 100 examples, rounded to what an estimate deserves. */
export function formatTrainingTime(range: { low: number; high: number }, t: Translate): string {
  const low = Math.max(1, Math.round(range.low))
  const high = Math.max(low, Math.round(range.high))
  if (high < 90) return low === high ? t('setup.duration.minutes', { count: low }) : t('setup.duration.minutesRange', { low, high })
  const lowHours = Math.max(1, Math.round(low / 60))
  const highHours = Math.max(lowHours, Math.round(high / 60))
  return lowHours === highHours ? t('setup.duration.hours', { count: lowHours }) : t('setup.duration.hoursRange', { low: lowHours, high: highHours })
}

/** Downloads that still need the owner's eye: running, failed, cancelled; finished ones only if this view followed them. */
export function visiblePulls(pulls: ModelPullDto[], followed: readonly string[]): ModelPullDto[] {
  return pulls.filter((p) => p.state !== 'done' || followed.includes(p.name)).sort((a, b) => a.startedAt - b.startedAt)
}

/** Keeps the newest state of each download (events can arrive before the list does). */
export function mergePull(pulls: ModelPullDto[], next: ModelPullDto): ModelPullDto[] {
  const index = pulls.findIndex((p) => p.name === next.name)
  if (index === -1) return [...pulls, next]
  if (pulls[index]!.updatedAt > next.updatedAt) return pulls
  const copy = pulls.slice()
  copy[index] = next
  return copy
}

/** Moving now (paused ones wait for the owner or the next start). */
export function pullIsActive(pull: ModelPullDto): boolean {
  return pull.state === 'queued' || pull.state === 'downloading' || pull.state === 'verifying'
}

/**
 * The country's zones first, then — when the owner asked for another one — every zone the
 * browser knows; the zone saved now is always among them, so a select never loses it.
 */
export function timezoneChoices(countryZones: readonly string[], showAll: boolean, current: string | null, allZones: readonly string[]): string[] {
  const base = showAll ? [...countryZones, ...allZones.filter((z) => !countryZones.includes(z))] : [...countryZones]
  if (current && !base.includes(current)) base.push(current)
  return base
}

/** Every IANA zone this browser knows (Intl); a browser without the list offers the country's only. */
export function allTimezones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone')
  } catch {
    return []
  }
}

/** "America/Argentina/Buenos_Aires" → "Buenos Aires (America/Argentina)", readable in a list. */
export function timezoneLabel(zone: string): string {
  const parts = zone.split('/')
  if (parts.length === 1) return zone.replace(/_/g, ' ')
  const city = parts.at(-1)!.replace(/_/g, ' ')
  return `${city} (${parts.slice(0, -1).join('/')})`
}

/** A sample of a number format ("1.234.567,89") for the list of formats. */
export function numberSample(numberLocale: string): string {
  try {
    return (1234567.89).toLocaleString(numberLocale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  } catch {
    return numberLocale
  }
}
