import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TransportKind } from '../../shared/types'
import { createDispatcher, type Dispatch } from '../api/dispatcher'
import type { HandlerTable } from '../api/handler-table'
import { conversationsHandlers } from '../conversations/conversations-handlers'
import { ConversationsService } from '../conversations/conversations-service'
import { ConversationPublisher } from '../conversations/conversation-publisher'
import { datasetHandlers, DatasetService } from '../curate'
import { CycleService, cycleHandlers } from '../cycle'
import { shopBasics } from '../training/shop-basics'
import { captureHandlers, CaptureService } from '../capture'
import { EvaluationService } from '../evaluate'
import { SENTIMENT_WEIGHTS } from '../evaluate/sentiment-weights'
import { LearningWorker } from '../learning/learning-worker'
import { reviewHandlers, ReviewService, Teacher } from '../review'
import { statsHandlers } from '../stats/stats-handlers'
import { LlmService } from '../llm/llm-service'
import { OllamaProvider } from '../llm/ollama-provider'
import { OpenAiCompatibleProvider } from '../llm/openai-compatible-provider'
import { CloudKeyStore } from '../llm/cloud-key-store'
import { llmHandlers } from '../llm/llm-handlers'
import { promptHandlers } from '../prompt/prompt-handlers'
import { CatalogService } from '../catalog/catalog-service'
import { catalogHandlers } from '../catalog/catalog-handlers'
import { Retriever } from '../retrieval/retriever'
import { PromptAssembler } from '../prompt/prompt-assembler'
import { settingsProblems } from '../settings/settings-rules'
import { findLlamaTools, findOllamaBaseModels, ImportSources, OllamaDeployer, trainingHandlers, TrainingService } from '../training'
import { createStreamLogger, type Logger } from '../kernel/logger'
import { Inbox } from '../pipeline/inbox'
import { KeyedQueue } from '../pipeline/keyed-queue'
import { Outbox } from '../pipeline/outbox'
import { Responder } from '../pipeline/responder'
import { Router } from '../pipeline/router'
import { openKeyFileSecretBox } from '../security/key-file-secret-box'
import { restrictDataDir } from '../security/data-dir-permissions'
import type { SecretBox } from '../security/secret-box'
import { defaultSettings } from '../settings/settings-defaults'
import { settingsHandlers } from '../settings/settings-handlers'
import { SettingsService } from '../settings/settings-service'
import { simulatorHandlers } from '../simulator/simulator-handlers'
import { SimulatorTransport } from '../simulator/simulator-transport'
import { statusHandlers } from '../status/status-handlers'
import { StatusService } from '../status/status-service'
import { StorageHealth } from '../status/storage-health'
import { openDatabase, openLearningDatabase } from '../store/database'
import { createRepositories, type Repositories } from '../store/repositories'
import type { Transport } from '../transport/transport'
import type { AppConfig } from './app-config'
import { lockDataDir } from './data-dir-lock'
import { findMigrationsDir, findUp } from '../kernel/project-paths'
import { EventBus } from '../kernel/event-bus'
import { Takeover } from '../conversations/takeover'
import { baileysSocketFactory } from '../whatsapp/baileys-socket'
import { whatsappHandlers } from '../whatsapp/whatsapp-handlers'
import { WhatsappTransport } from '../whatsapp/whatsapp-transport'
import { storedSentContent } from '../whatsapp/resend-content'
import { storedMessageId, transportMessageId } from '../transport/message-id'
import { isWhatsappLinked, setupHandlers, SetupService } from '../setup'
import { currentMachine, modelsSetupHandlers, ModelsSetupService, VoiceModelService, voiceModelHandlers } from '../models-setup'
import {
  findWhisperCli,
  MediaError,
  mediaHandlers,
  MediaStore,
  OllamaVision,
  preparePhoto,
  type Transcriber,
  whisperModelsAt,
  whisperModelsDir,
  WhisperTranscriber,
} from '../media'
import { ProductPhotos } from '../catalog/product-photos'
import { MediaIntake } from '../pipeline/media-intake'
import { ApiError } from '../../shared/api/errors'

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
  readonly whatsapp: WhatsappTransport
  readonly datasets: DatasetService
  readonly evaluation: EvaluationService
  readonly capture: CaptureService
  readonly catalog: CatalogService
  readonly retriever: Retriever
  readonly prompts: PromptAssembler
  readonly training: TrainingService
  /** The learning cycle that runs itself (issue 18). */
  readonly cycle: CycleService
  readonly settings: SettingsService
  readonly accountId: string
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
    restrictDataDir(config.dataDir)
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

  const settings = new SettingsService({ repo: repos.settings, defaults: defaultSettings(config.env ?? process.env), validate: settingsProblems })
  const cloudKey = new CloudKeyStore(repos.secrets, secretBox)
  // Before the LLM service subscribes: it must rebuild the cloud provider without the old key.
  cloudKey.forgetOnServerChange(settings, () => logger.info('The cloud address points at another server: its stored API key was removed'))
  const llm = new LlmService({
    settings,
    logger,
    createProvider: config.createProvider ?? ((s) => new OllamaProvider({ host: s.llm.host, timeoutMs: s.llm.timeoutSeconds * 1000 })),
    createCloudProvider:
      config.createCloudProvider ??
      ((s, apiKey) => new OpenAiCompatibleProvider({ baseUrl: s.cloud.baseUrl, apiKey, label: s.cloud.label, timeoutMs: s.llm.timeoutSeconds * 1000 })),
    cloudKey: () => cloudKey.get(),
    ...(config.llmRecheckMs === undefined ? {} : { recheckMs: config.llmRecheckMs }),
    // One prepared insert per paid call ("Menos nube"); free local calls write nothing.
    recordCall: (call) => repos.llmCalls.record({ ...call, at: new Date(call.at) }),
  })
  // The learning loop writes on its own connection (synchronous=NORMAL; see openLearningDatabase).
  const learningRepos = createRepositories(openLearningDatabase(join(config.dataDir, 'autodidacta.db')))
  const worker = new LearningWorker({
    transaction: learningRepos.transaction,
    logger,
    onHealth: (health) => events.emit('capture.health', health),
  })
  const capture = new CaptureService({ repos: learningRepos, accountId: account.id, worker, settings, events })
  const evaluation = new EvaluationService({
    repos: learningRepos,
    worker,
    settings,
    llm,
    events,
    logger,
    catalog: { products: () => repos.products.all(account.id) },
    sentimentWeights: SENTIMENT_WEIGHTS,
    // The router is built further down; the judge asks only once the app runs.
    customerWaiting: () => router.customersWaiting,
    ...(config.judgeRetryMs === undefined ? {} : { judgeRetryMs: config.judgeRetryMs }),
  })
  const datasets = new DatasetService({ repos, dataDir: config.dataDir, settings, events, logger })
  repos.datasets.failInterrupted()

  const simulator = new SimulatorTransport()
  let status: StatusService | null = null
  // A full disk: customer messages already acknowledged are held in memory, replies stay
  // pending, sends stay queued — and all of it is retried until the disk takes writes again.
  const storage = new StorageHealth({
    logger,
    onChange: () => status?.publish(),
    retry: async () => {
      inbox.retryHeld()
      await outbox.resendQueued()
      await router.resumeWaiting()
    },
  })
  const media = new MediaStore(config.dataDir)
  const whatsapp = new WhatsappTransport({
    socketFactory: config.whatsappSocketFactory ?? baileysSocketFactory,
    loadAuth: async () => (await import('../whatsapp/auth-state-store')).createSqliteAuthState(repos.whatsappAuth, secretBox, logger),
    hasStoredSession: () => repos.whatsappAuth.hasCreds(),
    settings,
    logger,
    sentContent: (id) => storedSentContent(repos.messages.findByExternalId(storedMessageId('whatsapp', id)), (path) => media.read(path)),
    onStatus: (whatsappStatus) => {
      events.emit('whatsapp.status', whatsappStatus)
      status?.publish()
    },
    ...config.whatsappTimings,
  })
  const appStatus = new StatusService({
    version: config.version,
    llm,
    repos,
    events,
    whatsapp: () => whatsapp.status(),
    diskFull: () => storage.diskFull,
  })
  status = appStatus
  const transports = new Map<TransportKind, Transport>([
    ['simulator', simulator],
    ['whatsapp', whatsapp],
  ])
  const queue = new KeyedQueue()
  // One publisher: every write to a conversation reaches the screens the same way.
  const publisher = new ConversationPublisher(repos.conversations, events)
  const outbox = new Outbox({
    repos,
    transports,
    events,
    publisher,
    logger,
    readMedia: (path) => media.read(path),
    options: {
      health: storage,
      onSent: (message) => {
        // A photo is no answer to learn from (nor is its caption): it stays out of the loop.
        if (message.mediaPath) return
        if (message.author === 'bot') capture.captureReply(message.id)
        else if (message.author === 'owner') capture.captureOwnerReply(message.id)
      },
    },
  })
  const transportOf = (conversationId: string) => {
    const conversation = repos.conversations.get(conversationId)
    return conversation ? { transport: transports.get(conversation.contact.transport), to: conversation.contact.externalId } : null
  }
  const presence = {
    typing: async (conversationId: string, on: boolean) => {
      const target = transportOf(conversationId)
      await target?.transport?.typing?.(target.to, on)
    },
    markRead: async (conversationId: string, messageIds: string[]) => {
      if (!settings.get().whatsapp.sendReadReceipts) return
      const target = transportOf(conversationId)
      if (!target?.transport?.markRead) return
      const kind = target.transport.kind
      const ids = repos.messages.externalIds(messageIds).flatMap((id) => transportMessageId(kind, id) ?? [])
      await target.transport.markRead(target.to, ids)
    },
  }
  const retriever = new Retriever({ repos, accountId: account.id, settings, events, embedder: llm, logger })
  const prompts = new PromptAssembler(retriever, settings)
  const catalog = new CatalogService({
    repos,
    accountId: account.id,
    retriever,
    events,
    shopCurrency: () => settings.get().shop.currency,
    // productPhotos is built below; a deletion only ever comes after start-up.
    productDeleted: (product) => void productPhotos.productDeleted(product),
  })
  const env = config.env ?? process.env
  const training = new TrainingService({
    repos,
    dataDir: config.dataDir,
    settings,
    events,
    logger,
    // Only the installed app has a resources folder (see AppConfig.resourcesDir): it looks for its
    // own tools there, never for a build cache, and speaks to the owner, not to a developer.
    tools: () =>
      findLlamaTools({ configuredDir: settings.get().training.llamaBinDir, env, resourcesDir: config.resourcesDir ?? null, buildCache: config.resourcesDir === undefined }),
    setup: config.resourcesDir === undefined ? 'checkout' : 'installed',
    deployer: new OllamaDeployer(() => settings.get().llm.host),
    imports: new ImportSources(join(config.dataDir, 'imports'), config.pickImportFile ?? null),
    storeModels: () => findOllamaBaseModels(settings.get().training.ollamaModelsDir ?? undefined),
    basics: () =>
      shopBasics({
        products: repos.products.all(account.id).filter((p) => p.active),
        ownerAnswers: repos.trainingData.ownerAnswers(['consulta_envio', 'proceso_pago'], settings.get().demoMode),
      }),
    modelfileTemplate: () => {
      const file = config.resourcesDir ? join(config.resourcesDir, 'Modelfile') : findUp('Modelfile')
      return file && existsSync(file) ? readFileSync(file, 'utf8') : null
    },
  })
  const cycle = new CycleService({
    repos,
    dataDir: config.dataDir,
    settings,
    datasets,
    training,
    events,
    logger,
    ...(config.systemProbes ? { probes: config.systemProbes } : {}),
    ...(config.cycle?.clock ? { clock: config.cycle.clock } : {}),
    ...(config.cycle?.tickMs ? { tickMs: config.cycle.tickMs } : {}),
  })
  if (config.cycle?.autoStart !== false) cycle.start()
  // Voice notes: whisper.cpp's whisper-cli (scripts/build-whisper.mjs; the package carries it in its
  // resources) with a Whisper model downloaded into the data folder. Without a model the polite line
  // and an owner alert, and the first voice note starts the download. Tests pass a fake (or null).
  const whisperCli = findWhisperCli({ env, resourcesDir: config.resourcesDir ?? null, buildCache: config.resourcesDir === undefined })
  const voiceModel = new VoiceModelService({
    dir: whisperModelsDir(config.dataDir),
    models: whisperModelsAt(env.AUTODIDACTA_WHISPER_MODELS_URL),
    machine: { ...currentMachine(env), ...config.machine },
    events,
    logger,
    engineReady: () => whisperCli !== null,
    ...(config.modelPulls ? { pulls: config.modelPulls } : {}),
  })
  const transcriber: Transcriber | null =
    config.transcriber !== undefined
      ? config.transcriber
      : new WhisperTranscriber({
          modelPath: () => voiceModel.modelPath(),
          cliPath: () => whisperCli,
          workDir: join(config.dataDir, 'tmp', 'voice'),
          logger,
          onMissingModel: () => {
            if (whisperCli) voiceModel.pullRecommended().catch((error: unknown) => logger.warn('Voice-note model download did not start', { error }))
          },
        })
  const intake = new MediaIntake({
    repos,
    media,
    transcriber,
    describer:
      config.photoDescriber === undefined
        ? new OllamaVision({ host: () => settings.get().llm.host, preferredModel: () => settings.get().llm.model })
        : config.photoDescriber,
    catalogNames: () => repos.products.all(account.id).flatMap((p) => (p.active ? [p.name] : [])).slice(0, 200),
    events,
    logger,
    voiceSettled: (messageId) => evaluation.customerReplied(messageId),
  })
  const productByName = (name: string) => repos.products.all(account.id).find((p) => p.active && p.name.toLowerCase() === name.toLowerCase()) ?? null
  const productPhotos = new ProductPhotos({
    repos,
    accountId: account.id,
    media,
    retriever,
    events,
    logger,
    importsDir: join(config.dataDir, 'imports'),
    pickFolder: config.pickPhotosFolder ?? null,
  })
  const responder = new Responder({ repos, llm, prompts, outbox, settings, events, publisher, logger, presence, intake, media, productByName })
  const router = new Router({ repos, responder, queue, events, publisher, logger, health: storage })
  // The owner stepping in stops a generation under way: the owner's answer is the one that goes.
  const botAnswerNotGoodEnough = (id: string) => {
    responder.cancel(id, 'takeover')
    evaluation.ownerTookOver(id)
  }
  const takeover = new Takeover({ repos, settings, publisher, onBotAnswerNotGoodEnough: botAnswerNotGoodEnough })
  const inbox = new Inbox({
    repos,
    accountId: account.id,
    settings,
    events,
    publisher,
    handlers: {
      customer: ({ conversationId, messageId, transport, replyState }) => {
        // A voice note is scored once its transcript is in (voiceSettled above), like typed words.
        if (!intake.awaitsWords(messageId)) evaluation.customerReplied(messageId)
        if (replyState !== 'pending') return
        // WhatsApp customers write in bursts; the simulator answers at once.
        const delay = transport === 'whatsapp' ? settings.get().whatsapp.debounceMs : 0
        void router
          .schedule(conversationId, delay)
          .finally(() => status?.publish())
          .catch((error: unknown) => logger.error('Answering a conversation failed', { conversationId, error }))
      },
      owner: ({ conversationId, messageId, at }) => {
        takeover.ownerWrote(conversationId, at)
        capture.captureOwnerReply(messageId)
      },
    },
    health: storage,
    media: (messageId, inbound, answer) => intake.accept(messageId, inbound, answer),
  })
  for (const transport of transports.values()) {
    await transport.start({
      receive: async (message) => inbox.receive(transport.kind, message),
      // Batches come from WhatsApp, which will not send them again: kept until stored.
      receiveBatch: (messages) => inbox.receiveAcknowledged(transport.kind, messages),
      delivery: (externalId, deliveryStatus) => outbox.delivery(transport.kind, externalId, deliveryStatus),
      ready: () => outbox.resendQueued(transport.kind),
    })
  }
  llm.onReady(() => {
    void router
      .resumeWaiting()
      .finally(() => status?.publish())
      .catch((error: unknown) => logger.error('Answering the chats that waited for the model failed', { error }))
    // Ollama is back: embeddings may be computable now.
    retriever.scheduleSync()
  })
  capture.recaptureMissing()
  evaluation.reevaluateMissing()
  evaluation.startSweeping()
  // What a crash left queued goes out now (simulator) or when WhatsApp is connected again.
  outbox.resendQueued('simulator')
  // Answers what waited for the model when the app last ran, once the model answers.
  void llm.check().catch((error: unknown) => logger.error('LLM check failed', { error }))

  const setup = new SetupService({
    repos,
    accountId: account.id,
    settings,
    catalog,
    events,
    modelReady: () => llm.status().state === 'ready',
    whatsappLinked: () => isWhatsappLinked(whatsapp.status(), repos.whatsappAuth.hasCreds()),
  })

  const modelsSetup = new ModelsSetupService({
    settings,
    repos,
    events,
    logger,
    machine: { ...currentMachine(env), ...config.machine },
    installedModels: async () => (await llm.listModels(AbortSignal.timeout(5_000))).map((model) => model.name),
    // A new model in Ollama: the status (and the answers that waited for it) follow at once.
    modelsChanged: () => void llm.check().catch((error: unknown) => logger.error('LLM check failed', { error })),
    openExternal: config.openExternal ?? null,
    ...(config.hardware ? { hardware: config.hardware } : {}),
    ...(config.modelPulls ? { pulls: config.modelPulls } : {}),
  })
  modelsSetup.resumeUnfinished()
  voiceModel.resumeUnfinished()

  const handlers: HandlerTable = {
    ...statusHandlers(appStatus, llm),
    ...settingsHandlers(settings),
    ...conversationsHandlers(
      new ConversationsService({
        repos,
        accountId: account.id,
        publisher,
        onTakeover: botAnswerNotGoodEnough,
        outbox,
        takeover,
        storePhoto: async (bytes) => {
          try {
            const prepared = await preparePhoto(bytes)
            const path = await media.write('messages', 'owner', prepared.photo.bytes, prepared.photo.mimeType)
            const thumbPath = await media.write('messages', 'owner-thumb', prepared.thumbnail.bytes, prepared.thumbnail.mimeType)
            return { path, thumbPath, mimeType: prepared.photo.mimeType, bytes: prepared.photo.bytes.byteLength }
          } catch (error) {
            if (error instanceof MediaError) throw new ApiError('invalid_input', error.message, [{ path: 'dataBase64', message: error.message }])
            throw error
          }
        },
      }),
      () => settings.get().demoMode,
    ),
    ...whatsappHandlers(whatsapp),
    ...reviewHandlers(new ReviewService({ repos, settings, evaluation, events, teacher: new Teacher({ repos, llm, prompts, settings }) })),
    ...captureHandlers(capture),
    ...statsHandlers({ repos, accountId: account.id, settings }),
    ...datasetHandlers(datasets),
    ...simulatorHandlers(simulator),
    ...llmHandlers(llm, cloudKey),
    ...promptHandlers(prompts),
    ...catalogHandlers(catalog, productPhotos),
    ...mediaHandlers(repos, media),
    ...trainingHandlers(training),
    ...cycleHandlers(cycle),
    ...setupHandlers(setup),
    ...modelsSetupHandlers(modelsSetup),
    ...voiceModelHandlers(voiceModel),
  }

  let closed = false
  return {
    config,
    dataDir: config.dataDir,
    events,
    handlers,
    dispatch: createDispatcher(handlers, logger, { numberLocale: () => settings.get().shop.numberLocale }),
    repos,
    secretBox,
    logger,
    llm,
    simulator,
    whatsapp,
    datasets,
    evaluation,
    capture,
    catalog,
    retriever,
    prompts,
    training,
    cycle,
    settings,
    accountId: account.id,
    async idle() {
      await whatsapp.idle()
      await router.idle()
      await queue.idle()
      await worker.idle()
      await retriever.idle()
    },
    async close() {
      if (closed) return
      closed = true
      setup.close()
      cycle.stop()
      await modelsSetup.close()
      await voiceModel.close()
      datasets.close()
      router.cancelScheduled()
      intake.close()
      responder.cancelAll('shutdown')
      // Held messages cannot be written with the disk still full; a transport must not wait on them.
      storage.close()
      inbox.close()
      retriever.close()
      await training.close()
      await cycle.idle()
      for (const transport of transports.values()) await transport.stop()
      outbox.close()
      await queue.idle()
      evaluation.stop()
      worker.close()
      await llm.close()
      learningRepos.db.$client.close()
      repos.db.$client.close()
      unlock()
    },
  }
}
