import type { Command } from '../command'
import { writeJsonLine } from '../command'
import { openCliApp } from '../open-app'

export const statusCommand: Command = {
  name: 'status',
  summary: 'Print the app status (model, WhatsApp, messages waiting) as one JSON line.',
  options: {},
  async run(values, io) {
    const app = await openCliApp(values, io)
    try {
      await app.llm.check()
      const result = await app.dispatch('app.status', {})
      writeJsonLine(io, result.ok ? result.value : { error: result.error })
      return result.ok ? 0 : 1
    } finally {
      await app.close()
    }
  },
}
