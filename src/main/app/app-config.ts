import type { Settings } from '../../shared/types'
import type { LlmProvider } from '../llm/llm-provider'
import type { Logger } from '../kernel/logger'
import type { SecretBox } from '../security/secret-box'
import type { ImportPicker } from '../training/backends/import-sources'
import type { WhatsappTransportOptions } from '../whatsapp/whatsapp-transport'
import type { SocketFactory } from '../whatsapp/whatsapp-socket'
import type { HardwareProbe, Machine } from '../models-setup'
import type { Transcriber } from '../media/transcriber'
import type { PhotoDescriber } from '../media/vision'
import type { SystemProbes } from '../cycle/cycle-service'
import type { Clock } from '../kernel/clock'

/** Everything `createApp` needs from the outside world; nothing else is read globally. */
export interface AppConfig {
  /** Where the database, keys and datasets live. */
  dataDir: string
  version: string
  /** Defaults to the `drizzle/` folder found above the running code. */
  migrationsDir?: string
  /**
   * The installed desktop app's resources folder (`process.resourcesPath`: migrations, the
   * Modelfile, llama.cpp tools under `llama-bin/`). The Electron shell sets it only when
   * `app.isPackaged`, so its presence is how the core tells an installed app from a development
   * checkout (`npm start`, the CLI, `serve`, tests): it changes where the training tools are
   * looked for and what the owner is told when they are missing.
   */
  resourcesDir?: string
  /** Environment used for defaults (OLLAMA_HOST). Defaults to `process.env`. */
  env?: Record<string, string | undefined>
  logger?: Logger
  /** Defaults to a key file in the data dir; the desktop passes Electron's safeStorage. */
  secretBox?: SecretBox
  /** The desktop's file dialog for imports; headless has none (files come from `<dataDir>/imports`). */
  pickImportFile?: ImportPicker
  /** The desktop's folder dialog for a folder of product photos; headless has none (`<dataDir>/imports`). */
  pickPhotosFolder?: () => Promise<string | null>
  /** Replaces the Ollama provider (tests, other providers). */
  createProvider?: (settings: Settings) => LlmProvider
  /** Replaces the OpenAI-compatible cloud provider (tests). */
  createCloudProvider?: (settings: Settings, apiKey: string | null) => LlmProvider
  /** How often to re-check an unavailable model. */
  llmRecheckMs?: number
  /** Opens WhatsApp sockets; defaults to Baileys. Tests pass a double of its event surface. */
  whatsappSocketFactory?: SocketFactory
  /** Opens an https page in the owner's browser: the desktop passes `shell.openExternal`; headless has none. */
  openExternal?: (url: string) => Promise<void>
  /** Replaces the hardware the model plan is made for (tests); the served app reads AUTODIDACTA_HARDWARE. */
  hardware?: HardwareProbe
  /** Replaces parts of the operating system as the Ollama set-up sees it (tests play other OSes). */
  machine?: Partial<Machine>
  /** Download retry waits and event spacing (tests shorten them). */
  modelPulls?: { retryDelaysMs?: number[]; maxRetries?: number; emitIntervalMs?: number; idleTimeoutMs?: number }
  /** Voice notes → text; tests pass a fake. Absent: the app's own (whisper.cpp) when it is built in. */
  transcriber?: Transcriber | null
  /** Customer photos → description; defaults to Ollama's vision models. Tests may replace it. */
  photoDescriber?: PhotoDescriber | null
  /** Whether the computer is idle and on mains power (the desktop asks Electron's powerMonitor); headless: unknown. */
  systemProbes?: SystemProbes
  /** The learning cycle's clock and beat (tests drive whole cycles at "3 a.m." without waiting). */
  cycle?: { clock?: Clock; tickMs?: number; autoStart?: boolean }
  /** How long the LLM judge leaves a busy shop alone before looking again (ms; tests shorten it). */
  judgeRetryMs?: number
  /** Overrides WhatsApp's reconnect and watchdog timings (tests). */
  whatsappTimings?: Pick<WhatsappTransportOptions, 'reconnect' | 'watchdog' | 'decryptFailures' | 'random' | 'sendLimits'>
}
