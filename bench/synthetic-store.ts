// Fills a bench's app with synthetic exchanges (varied, deterministic): the export and curation
// benches measure the same rows.
import type { App } from '../src/main/app/create-app'
import { generateSyntheticCandidates } from '../tests/support/synthetic-candidates'

/** Stores `count` synthetic exchanges, spread over 2,000 demo conversations, in one transaction. */
export function storeSyntheticExchanges(app: App, count: number, seed = 3): void {
  const account = app.repos.accounts.ensureShopAccount('bench')
  const candidates = generateSyntheticCandidates(count, seed)
  app.repos.transaction(() => {
    const conversationIds: string[] = []
    for (let i = 0; i < 2000; i++) {
      const contact = app.repos.contacts.upsert(account.id, 'simulator', `bench-${i}`, null)
      conversationIds.push(app.repos.conversations.ensureForContact(account.id, contact.id, true).id)
    }
    app.repos.trainingData.insertMany(
      candidates.map((c, i) => ({
        userId: account.id,
        conversationId: conversationIds[i % conversationIds.length]!,
        userMessage: c.userMessage,
        botResponse: c.response,
        context: c.context,
        category: c.category,
        productName: c.productName,
        qualityScore: c.qualityScore,
        autoScore: c.qualityScore,
        reviewStatus: c.reviewStatus,
        createdAt: new Date(c.createdAt),
        isDemo: true,
      })),
    )
  })
}
