import type { Command } from '../command'
import { writeJsonLine } from '../command'
import { openCliApp } from '../open-app'

export const conversationsCommand: Command = {
  name: 'conversations',
  summary: 'List conversations, newest first, one JSON line each.',
  options: {
    limit: { type: 'string', valueName: 'N', description: 'How many (default 100)' },
  },
  async run(values, io) {
    const app = await openCliApp(values, io)
    try {
      const limit = values.limit === undefined ? 100 : Number(values.limit)
      const result = await app.dispatch('conversations.list', { limit })
      if (!result.ok) {
        io.stderr.write(`${result.error.message}\n`)
        return 2
      }
      for (const conversation of result.value as unknown[]) writeJsonLine(io, conversation)
      return 0
    } finally {
      await app.close()
    }
  },
}
