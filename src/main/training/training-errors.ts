import { GgufError } from './gguf'

/** What is wrong with a model file that cannot be read, in the owner's words (the parser's are English). */
export function unreadableModelFile(error: unknown): string {
  return error instanceof GgufError && error.code === 'truncated' ? 'está incompleto (¿la descarga no terminó?)' : 'está dañado o es de una versión que no se puede leer'
}

/**
 * Where the app runs: the installed desktop app, or a development checkout (the sources, `npm start`,
 * the CLI and `serve`). It changes what the owner is told to do, never what the app does.
 */
export type AppSetup = 'installed' | 'checkout'

/** Something the owner can act on, in Spanish. */
export class TrainingError extends Error {
  constructor(
    message: string,
    readonly cancelled = false,
  ) {
    super(message)
    this.name = 'TrainingError'
  }
}

/**
 * What the owner reads when training, validating or deploying goes wrong, in one place: the
 * same situation (a run already under way, the tools missing, a cancel) is reached from several
 * paths and must read the same on each.
 */
export const TRAINING_ERRORS = {
  busy: 'Ya hay un entrenamiento en curso: espera a que termine o cancélalo.',
  /**
   * The owner of an installed app cannot build anything: the text says what to do in the owner's
   * words. The build command is for whoever runs the app from a development checkout.
   */
  toolsMissing: (where: AppSetup): string =>
    where === 'installed'
      ? 'A esta instalación le faltan las herramientas para entrenar el modelo en este computador. Vuelve a instalar autodidacta ' +
        'desde su página de descarga. Mientras tanto el bot puede seguir mejorando con «Darle tus mejores respuestas como ejemplo», que no las necesita.'
      : 'Faltan las herramientas de entrenamiento (llama.cpp). En una instalación de desarrollo: npm run build:llama.',
  datasetNotReady: 'Ese lote de ejemplos no está listo (falló o se está preparando).',
  baseModelMissing: (path: string) => `No existe el modelo base ${path}`,
  interruptedByStop: 'La aplicación se cerró mientras entrenaba; el entrenamiento no terminó. Vuelve a empezarlo.',
  shutdown: 'La aplicación se cerró durante el entrenamiento; vuelve a empezarlo.',
  cancelledByOwner: 'Cancelado por el dueño',
  cancelled: 'Entrenamiento cancelado',
  smokeTestFailed: (reason: string | null) => `La prueba rápida en Ollama falló, el modelo no se puso en uso: ${reason ?? ''}`,
  notActivated: (name: string, reason: string | null) => `No se puso en uso ${name}: ${reason ?? 'la prueba rápida falló'}`,
  ollamaUnreachable: (detail: string) => `Ollama no responde: el modelo entrenado quedó guardado pero no se pudo registrar (${detail}).`,
  unexpected: (detail: string) => `Falló de forma inesperada: ${detail}`,
  datasetWithoutTrainFile: (file: string, dir: string) => `Al lote de ejemplos le falta ${file} (${dir})`,
  baseNotGguf: (path: string, why: string) => `El archivo del modelo base (${path}) ${why}: descárgalo de nuevo o elige otro modelo base.`,
  notGguf: (path: string, why: string) => `El archivo del modelo entrenado (${path}) ${why}.`,
  baseQuantized: (fileType: string | null) =>
    `El modelo base está cuantizado (${fileType ?? 'tipo desconocido'}) y así no se puede entrenar. Elige una versión F16 o F32 del modelo: ` +
    // Owner's words, not a terminal command: the assistant downloads the F16 base of the plan in use.
    'en Primeros pasos, paso Modelo, el botón «Descargar la base para aprender» la trae.',
  noModelWritten: 'El entrenamiento terminó sin escribir el modelo',
  noEvaluation: 'La evaluación no devolvió resultados',
  toolFailed: (what: string, detail: string) => `No se pudo ${what}: ${detail}`,
} as const

/** The failure of a run as the owner reads it. */
export function describeFailure(error: unknown): string {
  if (error instanceof TrainingError) return error.message
  const message = error instanceof Error ? error.message : String(error)
  if (/ECONNREFUSED|fetch failed/i.test(message)) return TRAINING_ERRORS.ollamaUnreachable(message)
  return TRAINING_ERRORS.unexpected(message)
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new TrainingError(TRAINING_ERRORS.cancelled, true)
}
