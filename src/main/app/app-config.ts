import type { Settings } from '../../shared/types'
import type { LlmProvider } from '../llm/llm-provider'
import type { Logger } from '../kernel/logger'
import type { SecretBox } from '../security/secret-box'
import type { ImportPicker } from '../training/backends/import-sources'
import type { WhatsappTransportOptions } from '../whatsapp/whatsapp-transport'
import type { SocketFactory } from '../whatsapp/whatsapp-socket'

/** Everything `createApp` needs from the outside world; nothing else is read globally. */
export interface AppConfig {
  /** Where the database, keys and datasets live. */
  dataDir: string
  version: string
  /** Defaults to the `drizzle/` folder found above the running code. */
  migrationsDir?: string
  /** The desktop package's resources folder (llama.cpp tools under `llama-bin/`). */
  resourcesDir?: string
  /** Environment used for defaults (OLLAMA_HOST). Defaults to `process.env`. */
  env?: Record<string, string | undefined>
  logger?: Logger
  /** Defaults to a key file in the data dir; the desktop passes Electron's safeStorage. */
  secretBox?: SecretBox
  /** The desktop's file dialog for imports; headless has none (files come from `<dataDir>/imports`). */
  pickImportFile?: ImportPicker
  /** Replaces the Ollama provider (tests, other providers). */
  createProvider?: (settings: Settings) => LlmProvider
  /** Replaces the OpenAI-compatible cloud provider (tests). */
  createCloudProvider?: (settings: Settings, apiKey: string | null) => LlmProvider
  /** How often to re-check an unavailable model. */
  llmRecheckMs?: number
  /** Opens WhatsApp sockets; defaults to Baileys. Tests pass a double of its event surface. */
  whatsappSocketFactory?: SocketFactory
  /** Overrides WhatsApp's reconnect and watchdog timings (tests). */
  whatsappTimings?: Pick<WhatsappTransportOptions, 'reconnect' | 'watchdog' | 'decryptFailures' | 'random' | 'sendLimits'>
}
