// The two places scrubbed text leaves a conversation get the contact's name from the store:
// few-shot examples for other customers (fewShotPool → retriever) and dataset lines
// (curationRows → curate). A real SQLite file, real repositories.
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { curate } from '../../../src/main/curate/curator'
import { openDatabase } from '../../../src/main/store/database'
import { createRepositories } from '../../../src/main/store/repositories'
import { tempDir } from '../../support/test-app'

const dir = tempDir('autodidacta-pii-callers-')
const db = openDatabase({ file: join(dir.path, 'db.sqlite'), migrationsDir: join(process.cwd(), 'drizzle') })
afterAll(() => {
  db.$client.close()
  dir.remove()
})

describe("the customer's name reaches the scrubber", () => {
  const repos = createRepositories(db)
  const account = repos.accounts.ensureShopAccount('Mi tienda')
  const contact = repos.contacts.upsert(account.id, 'simulator', '573001234567', 'Ana Pérez')
  const conversation = repos.conversations.ensureForContact(account.id, contact.id)
  repos.trainingData.insert({
    userId: account.id,
    conversationId: conversation.id,
    userMessage: 'hola, soy de Cali, ¿el curso de piano cuánto vale?',
    botResponse: 'Hola Ana! El curso cuesta $89.000. Te escribo al 300 123 4567 cuando salga.',
    qualityScore: 5,
    reviewStatus: 'approved',
    createdAt: new Date(),
  })

  it('loads it with the few-shot pool and the curation rows', () => {
    expect(repos.trainingData.fewShotPool(4).map((r) => r.customerName)).toEqual(['Ana Pérez'])
    expect(repos.trainingData.curationRows(true).map((r) => r.customerName)).toEqual(['Ana Pérez'])
  })

  it('curation replaces it in the training lines, prices stay', () => {
    const rows = repos.trainingData.curationRows(true)
    const result = curate(
      rows.map((r) => ({
        id: r.id,
        userMessage: r.userMessage,
        response: r.correctedResponse ?? r.botResponse,
        context: [],
        category: r.category ?? 'general',
        productName: r.productName,
        qualityScore: r.qualityScore,
        reviewStatus: r.reviewStatus,
        createdAt: r.createdAt.getTime(),
        customerName: r.customerName,
      })),
      { systemPrompt: 'Eres el asistente.', validationRatio: 0 },
    )
    const answer = result.train[0]!.messages.at(-1)!.content
    expect(answer).toBe('Hola [NOMBRE]! El curso cuesta $89.000. Te escribo al [TELEFONO] cuando salga.')
    expect(result.report.scrubbed).toMatchObject({ name: 1, phone: 1 })
  })
})
