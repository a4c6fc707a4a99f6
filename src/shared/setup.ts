// The owner's first day ("Primeros pasos"), Ollama found or explained, the model plan and the
// model downloads: the shapes the core and the screens share.

/** The steps, in the order the assistant walks them. */
export const SETUP_STEPS = ['shop', 'model', 'catalog', 'whatsapp', 'test'] as const
export type SetupStepId = (typeof SETUP_STEPS)[number]

export interface SetupStepDto {
  id: SetupStepId
  /** The step's goal holds now (a country chosen, the model answering, products in the catalog…). */
  done: boolean
  /** The owner chose "más tarde"; the step stays in the sidebar checklist until done. */
  skipped: boolean
}

export interface SetupDto {
  steps: SetupStepDto[]
  /** Where the owner left off (the step the assistant opens on); null once every step is done or skipped. */
  current: SetupStepId | null
  /** Every step done. */
  complete: boolean
  /** The owner closed the assistant; it no longer opens at start (the checklist stays until complete). */
  dismissed: boolean
}

// --- Ollama, found or explained ---------------------------------------------------------------

export type HostOs = 'windows' | 'mac' | 'linux'

/**
 * running: answers on its address. installed: the program is on this computer but does not
 * answer. not_installed: not found where the installers put it. too_old: answers, but older than
 * the minimum version the app needs. remote: the address is another computer (nothing to install here).
 */
export type OllamaInstallState = 'running' | 'installed' | 'not_installed' | 'too_old' | 'remote'

export interface OllamaInstallDto {
  state: OllamaInstallState
  /** What `/api/version` says, when it answers. */
  version: string | null
  minimumVersion: string
  os: HostOs
  /** The official download page for this OS. */
  downloadUrl: string
  /** Where the program was found, when it was. */
  installPath: string | null
  /** The app can start the installed program itself. */
  canStart: boolean
  /** What to do, in plain Spanish, for this OS and state (empty when running). */
  instructions: string[]
}

// --- Hardware and the model plan -------------------------------------------------------------

export interface HardwareDto {
  totalMemoryBytes: number
  cpuCores: number
  /** A graphics card Ollama can use; null when none is known. */
  gpu: { name: string | null; memoryBytes: number } | null
  /** Where the numbers came from. */
  source: 'ollama' | 'os' | 'injected'
}

export type AnswerSpeed = 'fast' | 'usable' | 'slow'

export interface ModelPlanOption {
  id: string
  /** "Qwen 2.5", the family the shop's versions will stay in. */
  family: string
  /** Billions of parameters ("1.5"), shown as the size. */
  sizeLabel: string
  /** The instruct model that answers customers (an Ollama tag). */
  answerModel: string
  /** The same model in F16, the starting point of fine-tuning (an Ollama tag). */
  trainingBase: string
  /** Download of the answering model, in bytes. */
  downloadBytes: number
  /** Download of the training base, in bytes (only needed to train). */
  trainingDownloadBytes: number
  /** Memory the answering model needs to run. */
  memoryBytes: number
  /** Expected answer speed on this computer: an estimate. */
  tokensPerSecond: number
  speed: AnswerSpeed
  /** It runs on this computer at all (memory). */
  fits: boolean
  /** Fine-tuning is possible on this computer. */
  canTrain: boolean
  /** Why it cannot train here (plain Spanish), when it cannot. */
  trainingReason: string | null
  /** Estimated minutes to train on 100 examples here (a range; null when it cannot train). */
  minutesPer100Examples: { low: number; high: number } | null
  recommended: boolean
  installed: { answer: boolean; trainingBase: boolean }
}

export interface ModelPlanDto {
  hardware: HardwareDto
  options: ModelPlanOption[]
  recommendedId: string
  /** The model answering now, and the plan it belongs to (null: a model outside the plans). */
  current: { answerModel: string; planId: string | null }
}

// --- Downloads --------------------------------------------------------------------------------

export type ModelPullState = 'queued' | 'downloading' | 'verifying' | 'done' | 'failed' | 'cancelled' | 'paused'

export interface ModelPullDto {
  name: string
  state: ModelPullState
  completedBytes: number
  totalBytes: number | null
  /** 0–100, null while the size is unknown. */
  percent: number | null
  bytesPerSecond: number | null
  etaSeconds: number | null
  /** Plain Spanish: no space, no internet, unknown model… */
  error: string | null
  /** It will be tried again by itself (a dropped connection). */
  retrying: boolean
  startedAt: number
  updatedAt: number
}

// --- The voice-note model (Whisper) -----------------------------------------------------------

export const VOICE_MODEL_IDS = ['tiny', 'base', 'small'] as const
export type VoiceModelId = (typeof VOICE_MODEL_IDS)[number]

export interface VoiceModelOptionDto {
  id: VoiceModelId
  /** Plain Spanish: size and what it is good for. */
  label: string
  downloadBytes: number
  /** Memory while transcribing (an estimate). */
  memoryBytes: number
  installed: boolean
  recommended: boolean
}

/** Listening to voice notes: which Whisper model this computer should use, and whether it is here. */
export interface VoiceModelDto {
  /** The model transcribing voice notes now; null until one is downloaded. */
  installedId: VoiceModelId | null
  recommendedId: VoiceModelId
  options: VoiceModelOptionDto[]
  /** The transcribing program (whisper.cpp) is part of this installation. */
  engineReady: boolean
  /** A download under way, paused or failed (null when none). Its `name` is the model id. */
  pull: ModelPullDto | null
  /** Longer voice notes are transcribed up to here (seconds). */
  maxSeconds: number
}
