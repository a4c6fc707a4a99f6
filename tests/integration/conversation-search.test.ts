import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, callApi, type TestApp } from '../support/test-app'

// 667 chats cannot be scrolled: Conversaciones searches by name or number and filters the chats
// that need the owner, in the database (the list is paged, so a filter in the screen would only
// see the first page).
describe('conversations.list search and filters', () => {
  let app: TestApp
  const names = (list: { contact: { displayName: string | null } }[]) => list.map((c) => c.contact.displayName)

  beforeAll(async () => {
    app = await buildTestApp()
    const account = app.repos.accounts.ensureShopAccount('Mi tienda').id
    const chat = (transport: 'whatsapp' | 'simulator', externalId: string, name: string | null, minutesAgo: number) => {
      const contact = app.repos.contacts.upsert(account, transport, externalId, name)
      const conversation = app.repos.conversations.ensureForContact(account, contact.id)
      app.repos.conversations.recordActivity(conversation.id, new Date(Date.now() - minutesAgo * 60_000), 'hola', true)
      return conversation.id
    }
    chat('whatsapp', '573001234567@s.whatsapp.net', 'José Núñez', 1)
    const paused = chat('whatsapp', '5215512345678@s.whatsapp.net', 'Ana María', 2)
    const attention = chat('whatsapp', '5491122334455@s.whatsapp.net', 'Luis Peña', 3)
    chat('simulator', 'Camila', 'Camila', 4)
    // Filler newer than none of the above would page them away without a server-side filter.
    for (let i = 0; i < 30; i++) chat('whatsapp', `57310000${String(i).padStart(4, '0')}@s.whatsapp.net`, `Cliente ${i}`, 10 + i)
    app.repos.conversations.setBotMode(paused, 'paused')
    app.repos.conversations.setAttention(attention, 'human_request', new Date())
  })
  afterAll(() => app.dispose())

  it('finds a name without its accents, ñ or capitals', async () => {
    expect(names(await callApi(app, 'conversations.list', { query: 'jose nunez' }))).toEqual(['José Núñez'])
    expect(names(await callApi(app, 'conversations.list', { query: 'PEÑA' }))).toEqual(['Luis Peña'])
    expect(names(await callApi(app, 'conversations.list', { query: 'camila' }))).toEqual(['Camila'])
  })

  it('finds a number however it is typed', async () => {
    expect(names(await callApi(app, 'conversations.list', { query: '300 123 4567' }))).toEqual(['José Núñez'])
    expect(names(await callApi(app, 'conversations.list', { query: '+52 1 55 1234' }))).toEqual(['Ana María'])
  })

  it('takes a % or _ literally', async () => {
    expect(await callApi(app, 'conversations.list', { query: '%' })).toEqual([])
    expect(await callApi(app, 'conversations.list', { query: '_' })).toEqual([])
  })

  it('filters the chats that need the owner and those where the bot is paused, before paging', async () => {
    expect(names(await callApi(app, 'conversations.list', { show: 'attention', limit: 1 }))).toEqual(['Luis Peña'])
    expect(names(await callApi(app, 'conversations.list', { show: 'paused', limit: 1 }))).toEqual(['Ana María'])
    expect(await callApi(app, 'conversations.list', { show: 'paused', query: 'jose' })).toEqual([])
    expect(await callApi(app, 'conversations.list', { limit: 500 })).toHaveLength(34)
  })
})
