import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { TransportKind } from '../../shared/types'
import { createDispatcher, type Dispatch } from '../api/dispatcher'
import type { HandlerTable } from '../api/handler-table'
import { conversationsHandlers } from '../conversations/conversations-handlers'
import { datasetHandlers } from '../datasets/dataset-handlers'
import { DatasetService } from '../datasets/dataset-service'
import { CaptureService } from '../learning/capture-service'
import { EvaluationService } from '../learning/evaluation-service'
import { LearningWorker } from '../learning/learning-worker'
import { reviewHandlers } from '../review/review-handlers'
import { statsHandlers } from '../stats/stats-handlers'
import { LlmService } from '../llm/llm-service'
import { OllamaProvider } from '../llm/ollama-provider'
import { createStreamLogger, type Logger } from '../logging/logger'
import { Inbox } from '../pipeline/inbox'
import { KeyedQueue } from '../pipeline/keyed-queue'
import { Outbox } from '../pipeline/outbox'
import { Responder } from '../pipeline/responder'
import { Router } from '../pipeline/router'
import { openKeyFileSecretBox } from '../security/key-file-secret-box'
import type { SecretBox } from '../security/secret-box'
import { defaultSettings } from '../settings/settings-defaults'
import { settingsHandlers } from '../settings/settings-handlers'
import { SettingsService } from '../settings/settings-service'
import { simulatorHandlers } from '../simulator/simulator-handlers'
import { SimulatorTransport } from '../simulator/simulator-transport'
import { statusHandlers } from '../status/status-handlers'
import { StatusService } from '../status/status-service'
import { openDatabase } from '../store/database'
import { createRepositories, type Repositories } from '../store/repositories'
import type { Transport } from '../transport/transport'
import type { AppConfig } from './app-config'
import { lockDataDir } from './data-dir-lock'
import { findMigrationsDir } from './project-paths'
import { EventBus } from './event-bus'

export interface App {
  readonly config: AppConfig
  readonly dataDir: string
  readonly events: EventBus
  readonly dispatch: Dispatch
  readonly handlers: HandlerTable
  readonly repos: Repositories
  readonly secretBox: SecretBox
  readonly logger: Logger
  readonly llm: LlmService
  readonly simulator: SimulatorTransport
  readonly datasets: DatasetService
  readonly evaluation: EvaluationService
  readonly capture: CaptureService
  /** Resolves when every reply under way has been sent or given up. */
  idle(): Promise<void>
  close(): Promise<void>
}

/** The composition root: builds every service of the app from its config. */
export async function createApp(config: AppConfig): Promise<App> {
  const logger = config.logger ?? createStreamLogger()
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 })
  const unlock = lockDataDir(config.dataDir)
  let repos: Repositories
  try {
    const db = openDatabase({
      file: join(config.dataDir, 'autodidacta.db'),
      migrationsDir: config.migrationsDir ?? findMigrationsDir(),
    })
    repos = createRepositories(db)
  } catch (error) {
    unlock()
    throw error
  }
  const secretBox = config.secretBox ?? openKeyFileSecretBox(join(config.dataDir, 'secret.key'))
  const events = new EventBus((error) => logger.error('Event listener failed', { error }))
  const account = repos.accounts.ensureShopAccount('Mi tienda')

  const settings = new SettingsService(repos.settings, defaultSettings(config.env ?? process.env))
  const llm = new LlmService({
    settings,
    logger,
    createProvider: config.createProvider ?? ((s) => new OllamaProvider({ host: s.llm.host })),
    ...(config.llmRecheckMs === undefined ? {} : { recheckMs: config.llmRecheckMs }),
  })
  const status = new StatusService(config.version, llm, repos, events)

  const worker = new LearningWorker(repos.transaction, logger, (health) => events.emit('capture.health', health))
  const capture = new CaptureService(repos, account.id, worker, settings, events)
  const evaluation = new EvaluationService(repos, worker, settings, llm, events, logger)
  const datasets = new DatasetService(repos, config.dataDir, settings, events, logger)
  repos.datasets.failInterrupted()

  const simulator = new SimulatorTransport()
  const transports = new Map<TransportKind, Transport>([['simulator', simulator]])
  const queue = new KeyedQueue()
  const outbox = new Outbox(repos, transports, events, logger)
  const responder = new Responder(repos, llm, outbox, settings, events, logger, capture)
  const router = new Router(repos, responder, queue, events, logger)
  const inbox = new Inbox(repos, account.id, events, ({ conversationId, messageId }) => {
    evaluation.customerReplied(messageId)
    void router.route(conversationId).finally(() => status.publish())
  })
  for (const transport of transports.values()) {
    await transport.start(async (message) => inbox.receive(transport.kind, message))
  }
  llm.onReady(() => {
    void router.resumeWaiting().finally(() => status.publish())
  })
  capture.recaptureMissing()
  evaluation.startSweeping()
  // Answers what waited for the model when the app last ran, once the model answers.
  void llm.check().catch((error: unknown) => logger.error('LLM check failed', { error }))

  const handlers: HandlerTable = {
    ...statusHandlers(status, llm),
    ...settingsHandlers(settings),
    ...conversationsHandlers(repos, account.id, events, (id) => evaluation.ownerTookOver(id)),
    ...reviewHandlers(repos, evaluation, events),
    ...statsHandlers(repos, worker),
    ...datasetHandlers(datasets),
    ...simulatorHandlers(simulator),
  }

  let closed = false
  return {
    config,
    dataDir: config.dataDir,
    events,
    handlers,
    dispatch: createDispatcher(handlers, logger),
    repos,
    secretBox,
    logger,
    llm,
    simulator,
    datasets,
    evaluation,
    capture,
    async idle() {
      await queue.idle()
      await worker.idle()
    },
    async close() {
      if (closed) return
      closed = true
      for (const transport of transports.values()) await transport.stop()
      await queue.idle()
      evaluation.stop()
      worker.close()
      await llm.close()
      repos.db.$client.close()
      unlock()
    },
  }
}
