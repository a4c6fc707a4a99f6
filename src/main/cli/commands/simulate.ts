import type { Command } from '../command'
import { writeJsonLine } from '../command'
import { openCliApp } from '../open-app'

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'Send one message as a pretend customer and print the conversation\'s new messages as JSON lines.',
  options: {
    from: { type: 'string', valueName: 'NAME', description: 'The pretend customer (default "Cliente de prueba")' },
    text: { type: 'string', valueName: 'TEXT', description: 'What the customer writes (required)' },
  },
  async run(values, io) {
    const app = await openCliApp(values, io)
    try {
      const sent = await app.dispatch('simulator.send', {
        from: (values.from as string | undefined) ?? 'Cliente de prueba',
        text: values.text,
      })
      if (!sent.ok) {
        io.stderr.write(`${sent.error.message}\n`)
        return 2
      }
      await app.idle()
      const { conversationId, messageId } = sent.value as { conversationId: string; messageId: string }
      const messages = await app.dispatch('conversations.messages', { conversationId, limit: 50 })
      if (!messages.ok) throw new Error(messages.error.message)
      const list = messages.value as { id: string }[]
      const start = list.findIndex((m) => m.id === messageId)
      for (const message of list.slice(Math.max(start, 0))) writeJsonLine(io, message)
      return 0
    } finally {
      await app.close()
    }
  },
}
