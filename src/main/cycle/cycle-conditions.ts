import type { BusinessHours, CycleCondition, CycleSettings } from '../../shared/types'
import { isOpen, nextWallClock, wallMinutes } from '../guardrails/business-hours'

const DAY_MS = 24 * 60 * 60 * 1000
/** A turn writes a dataset, a model (a GGUF of a small model is a few hundred MB to 2 GB) and its log. */
export const MIN_FREE_BYTES = 3 * 1024 ** 3
/** Nobody touched the computer for this long: it counts as idle. */
export const IDLE_AFTER_SECONDS = 15 * 60

export interface ConditionsInput {
  now: Date
  cycle: CycleSettings
  businessHours: BusinessHours
  /** Intl locale for the dates in the sentences (the shop's). */
  locale: string
  newExamples: number
  /** When the last version was made (by the cycle or by hand); null: never. */
  lastVersionAt: Date | null
  trainingRunning: boolean
  /** Seconds since the last keyboard or mouse input; null where the system does not say. */
  idleSeconds: number | null
  /** On mains power; null where the system does not say. */
  onMains: boolean | null
  /** Free bytes on the data folder's disk; null where it cannot be read. */
  freeBytes: number | null
}

export interface ConditionsResult {
  conditions: CycleCondition[]
  /** Every condition holds: an automatic turn may start now. */
  due: boolean
  /** Enough new material to be worth a version (what "suggest" mode offers). */
  worthTraining: boolean
  nextRunAt: Date | null
}

/**
 * Whether the learning cycle may train now, and why not, condition by condition in the owner's
 * words. Pure: the clock, the idle time and the power source come in, so a test can stand at
 * 3 a.m. on a laptop on battery.
 */
export function checkConditions(input: ConditionsInput): ConditionsResult {
  const { now, cycle } = input
  const zone = input.businessHours.timezone
  const date = (at: Date) =>
    new Intl.DateTimeFormat(input.locale, { timeZone: safeZone(zone), weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' }).format(at)

  // Counts in the shop's own marks ("1.078" in Colombia, "1,078" in Mexico), as the screens write them.
  const n = (value: number) => new Intl.NumberFormat(input.locale).format(value)
  const earliest = input.lastVersionAt ? new Date(input.lastVersionAt.getTime() + cycle.minDaysBetween * DAY_MS) : null
  const inWindow = isInWindow(zone, now, cycle.windowStart, cycle.windowEnd)
  const open = input.businessHours.enabled && isOpen(input.businessHours, now)
  const busy = cycle.requireIdle && input.idleSeconds !== null && input.idleSeconds < IDLE_AFTER_SECONDS
  const onBattery = cycle.requireMains && input.onMains === false
  const missing = Math.max(0, cycle.minNewExamples - input.newExamples)

  const conditions: CycleCondition[] = [
    {
      id: 'mode',
      met: cycle.mode === 'automatic',
      text:
        cycle.mode === 'automatic'
          ? 'Aprendizaje automático encendido.'
          : cycle.mode === 'suggest'
            ? 'Modo sugerir: te aviso cuando valga la pena y tú decides con un toque.'
            : 'El aprendizaje automático está apagado: solo se entrena a mano.',
    },
    {
      id: 'material',
      met: missing === 0,
      text:
        missing === 0
          ? `Hay ${n(input.newExamples)} ejemplos nuevos (se piden ${n(cycle.minNewExamples)}).`
          : `Faltan ${n(missing)} ejemplos nuevos (hay ${n(input.newExamples)} de ${n(cycle.minNewExamples)}).`,
    },
    {
      id: 'interval',
      met: earliest === null || earliest <= now,
      text:
        earliest === null || earliest <= now
          ? `Como mucho una versión cada ${cycle.minDaysBetween === 1 ? 'día' : `${cycle.minDaysBetween} días`}.`
          : `La última versión es reciente: la próxima puede ser desde el ${date(earliest)}`,
    },
    {
      id: 'window',
      met: inWindow,
      text: inWindow ? `Es de noche (${cycle.windowStart} a ${cycle.windowEnd}).` : `Solo entre las ${cycle.windowStart} y las ${cycle.windowEnd}, hora de la tienda.`,
    },
    {
      id: 'closed',
      met: !open,
      text: open ? 'La tienda está abierta ahora según tu horario.' : input.businessHours.enabled ? 'La tienda está cerrada.' : 'Sin horario de atención: cuenta solo la ventana de la noche.',
    },
    {
      id: 'idle',
      met: !busy,
      text: !cycle.requireIdle
        ? 'No importa si el computador está en uso.'
        : input.idleSeconds === null
          ? 'El sistema no dice si el computador está en uso: no se tiene en cuenta.'
          : busy
            ? 'Alguien está usando el computador.'
            : 'Nadie está usando el computador.',
    },
    {
      id: 'power',
      met: !onBattery,
      text: !cycle.requireMains
        ? 'No importa si está con batería.'
        : input.onMains === null
          ? 'El sistema no dice si está enchufado: no se tiene en cuenta.'
          : onBattery
            ? 'El computador está con batería: se espera a que esté enchufado.'
            : 'El computador está enchufado.',
    },
    {
      id: 'disk',
      met: input.freeBytes === null || input.freeBytes >= MIN_FREE_BYTES,
      text:
        input.freeBytes === null
          ? 'No se pudo leer el espacio libre en el disco: no se tiene en cuenta.'
          : input.freeBytes >= MIN_FREE_BYTES
            ? 'Hay espacio en el disco.'
            : `Falta espacio en el disco: quedan ${(input.freeBytes / 1024 ** 3).toFixed(1).replace('.', ',')} GB y se necesitan 3 GB. Libera espacio para que pueda entrenar.`,
    },
    {
      id: 'training',
      met: !input.trainingRunning,
      text: input.trainingRunning ? 'Ya hay un entrenamiento en curso.' : 'No hay otro entrenamiento en curso.',
    },
  ]
  const due = conditions.every((c) => c.met)
  return { conditions, due, worthTraining: missing === 0, nextRunAt: cycle.mode === 'automatic' && missing === 0 ? nextRun(input, earliest) : null }
}

/** The first condition not met, in words; null when the cycle would run now. */
export function reasonNotYet(result: ConditionsResult): string | null {
  return result.conditions.find((c) => !c.met)?.text ?? null
}

/**
 * The earliest moment the clock-bound conditions (interval, window, shop closed) allow, searched
 * window by window over the next two weeks. Idle and power cannot be foreseen.
 */
function nextRun(input: ConditionsInput, earliest: Date | null): Date | null {
  const { cycle, businessHours } = input
  const zone = businessHours.timezone
  const start = parseMinutes(cycle.windowStart)
  let at = earliest && earliest > input.now ? earliest : input.now
  for (let i = 0; i < 14 * 24 * 4; i++) {
    if (isInWindow(zone, at, cycle.windowStart, cycle.windowEnd) && !(businessHours.enabled && isOpen(businessHours, at))) return at
    // Jump to the window's next opening when outside it, else step 15 minutes through it.
    const next = isInWindow(zone, at, cycle.windowStart, cycle.windowEnd) ? new Date(at.getTime() + 15 * 60_000) : nextWallClock(zone, at, start)
    if (!next) return null
    at = next
  }
  return null
}

/** Is the shop's clock between start and end? A start after the end spans midnight (23:00–06:00). */
export function isInWindow(timezone: string, at: Date, start: string, end: string): boolean {
  const now = wallMinutes(timezone, at) ?? at.getUTCHours() * 60 + at.getUTCMinutes()
  const from = parseMinutes(start)
  const to = parseMinutes(end)
  if (from === to) return true
  return from < to ? now >= from && now < to : now >= from || now < to
}

function parseMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

function safeZone(zone: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return zone
  } catch {
    return undefined
  }
}
