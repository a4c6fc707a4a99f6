// The compiled statements on the capture/evaluation path bypass parts of drizzle's value
// mapping; these checks read the raw SQLite columns to prove nothing is mis-encoded.
import { afterEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/test-app'

describe('training data repository (compiled statements)', () => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.dispose()
    app = undefined
  })

  async function setup() {
    app = await buildTestApp()
    const account = app.repos.accounts.ensureShopAccount('Tienda')
    const contact = app.repos.contacts.upsert(account.id, 'simulator', 'ana', 'Ana')
    const conversation = app.repos.conversations.ensureForContact(account.id, contact.id)
    const base = { conversationId: conversation.id, kind: 'text', replyState: null, model: 'm1' } as const
    const asked = app.repos.messages.insertIfNew({ ...base, externalId: 'q', direction: 'in', author: 'customer', text: 'Hola', status: 'received', createdAt: new Date(1_000) })!
    const bot = app.repos.messages.insertIfNew({ ...base, externalId: 'a', direction: 'out', author: 'bot', text: '¡Hola!', status: 'sent', createdAt: new Date(2_000) })!
    const capture = (context: unknown, isDemo = false) =>
      app!.repos.trainingData.insertCapture({
        userId: account.id,
        conversationId: conversation.id,
        userMessage: 'Hola',
        botResponse: '¡Hola!',
        context: context as never,
        productId: null,
        productName: 'Curso de Piano',
        category: 'general',
        model: 'm1',
        createdAt: new Date(2_000),
        userMessageId: asked.id,
        botMessageId: bot.id,
        reviewPriority: 1,
        isDemo,
      })
    const raw = (id: string) => app!.repos.db.$client.prepare('SELECT * FROM training_data WHERE id = ?').get(id) as Record<string, unknown>
    return { app, conversation, capture, raw }
  }

  it('stores a capture with SQL NULL for no context, JSON for a context, and encoded dates and booleans', async () => {
    const { app, capture, raw } = await setup()
    const none = raw(capture(null))
    expect(none.context).toBeNull()
    expect(none).toMatchObject({ createdAt: 2_000, isDemo: 0, reviewStatus: 'pending', wasSuccessful: null, evaluatedAt: null, qualityScore: null })
    const withTurns = capture([{ role: 'user', content: 'antes' }], true)
    expect(raw(withTurns)).toMatchObject({ context: '[{"role":"user","content":"antes"}]', isDemo: 1 })
    expect(app.repos.trainingData.get(withTurns)).toMatchObject({ context: [{ role: 'user', content: 'antes' }], isDemo: true, customerName: 'Ana' })
  })

  it('applies an automatic score keeping an unknown outcome NULL, and never over the owner', async () => {
    const { app, conversation, capture, raw } = await setup()
    const id = capture(null)
    expect(app.repos.trainingData.latestUnevaluated(conversation.id, new Date(1_999))).toBeUndefined()
    expect(app.repos.trainingData.latestUnevaluated(conversation.id, new Date(2_000))?.id).toBe(id)

    const at = new Date(5_000)
    const update = { autoScore: 2, autoScoreSource: 'takeover', autoConfidence: 0.6, reviewPriority: 0.5, evaluatedAt: at } as const
    app.repos.trainingData.applyAutoScore(id, { ...update, wasSuccessful: null })
    expect(raw(id)).toMatchObject({ autoScore: 2, qualityScore: 2, wasSuccessful: null, evaluatedAt: 5_000, userFeedback: null })
    expect(app.repos.trainingData.latestUnevaluated(conversation.id, new Date(9_000))).toBeUndefined()

    app.repos.trainingData.applyAutoScore(id, { ...update, autoScore: 5, autoScoreSource: 'rules', wasSuccessful: true, userFeedback: 'me lo llevo', feedbackMessageId: null })
    expect(raw(id)).toMatchObject({ autoScore: 5, qualityScore: 5, wasSuccessful: 1, userFeedback: 'me lo llevo', autoScoreSource: 'rules' })

    app.repos.trainingData.setManualScore([id], 1, new Date(6_000))
    const after = app.repos.trainingData.applyAutoScore(id, { ...update, autoScore: 4, wasSuccessful: false })
    expect(after).toMatchObject({ autoScore: 4, manualScore: 1, qualityScore: 1, wasSuccessful: false })
    expect(raw(id).wasSuccessful).toBe(0)
  })
})
