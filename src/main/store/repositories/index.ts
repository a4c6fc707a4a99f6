import type { Db } from '../database'
import { AccountsRepository } from './accounts-repository'
import { ContactsRepository } from './contacts-repository'
import { CycleRunsRepository } from './cycle-runs-repository'
import { DatasetsRepository } from './datasets-repository'
import { EmbeddingsRepository } from './embeddings-repository'
import { LlmCallsRepository } from './llm-calls-repository'
import { ConversationsRepository } from './conversations-repository'
import { MessagesRepository } from './messages-repository'
import { ProductsRepository } from './products-repository'
import { SecretsRepository } from './secrets-repository'
import { ModelVersionsRepository } from './model-versions-repository'
import { TrainingRunsRepository } from './training-runs-repository'
import { SettingsRepository } from './settings-repository'
import { StatsRepository } from './stats-repository'
import { TrainingDataRepository } from './training-data-repository'
import { WhatsappAuthRepository } from './whatsapp-auth-repository'

/** The data-access layer: every read and write of the app goes through one of these. */
export interface Repositories {
  db: Db
  accounts: AccountsRepository
  contacts: ContactsRepository
  conversations: ConversationsRepository
  messages: MessagesRepository
  settings: SettingsRepository
  trainingData: TrainingDataRepository
  datasets: DatasetsRepository
  whatsappAuth: WhatsappAuthRepository
  products: ProductsRepository
  embeddings: EmbeddingsRepository
  secrets: SecretsRepository
  trainingRuns: TrainingRunsRepository
  modelVersions: ModelVersionsRepository
  cycleRuns: CycleRunsRepository
  /** The statistics rollups (read-only; triggers on training_data keep them). */
  stats: StatsRepository
  /** Paid cloud calls and their tokens ("Menos nube"). */
  llmCalls: LlmCallsRepository
  /**
   * Runs `fn` in one SQLite transaction. better-sqlite3 is synchronous and the app holds one
   * connection, so every repository call made inside `fn` joins the transaction.
   */
  transaction<T>(fn: () => T): T
}

export function createRepositories(db: Db): Repositories {
  return {
    db,
    accounts: new AccountsRepository(db),
    contacts: new ContactsRepository(db),
    conversations: new ConversationsRepository(db),
    messages: new MessagesRepository(db),
    settings: new SettingsRepository(db),
    trainingData: new TrainingDataRepository(db),
    datasets: new DatasetsRepository(db),
    whatsappAuth: new WhatsappAuthRepository(db),
    products: new ProductsRepository(db),
    embeddings: new EmbeddingsRepository(db),
    secrets: new SecretsRepository(db),
    trainingRuns: new TrainingRunsRepository(db),
    modelVersions: new ModelVersionsRepository(db),
    cycleRuns: new CycleRunsRepository(db),
    stats: new StatsRepository(db),
    llmCalls: new LlmCallsRepository(db),
    transaction: (fn) => db.transaction(() => fn()),
  }
}
