import { generateDemoData } from '../../demo/demo-data'
import type { Command } from '../command'
import { writeJsonLine } from '../command'
import { openCliApp } from '../open-app'
import { createProgressBar } from '../progress-bar'

export const demoDataCommand: Command = {
  name: 'demo-data',
  summary: 'Fill a data folder with realistic synthetic Spanish conversations, all flagged as demo data.',
  options: {
    count: { type: 'string', valueName: 'N', description: 'Exchanges to create (default 200)' },
    seed: { type: 'string', valueName: 'N', description: 'Random seed (default 42): the same seed gives the same data' },
    'no-messages': { type: 'boolean', description: 'Only exchanges, no chat messages (fast, for large benchmarks)' },
  },
  async run(values, io) {
    const count = values.count === undefined ? 200 : Number(values.count)
    const seed = values.seed === undefined ? 42 : Number(values.seed)
    if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
      io.stderr.write('--count and --seed must be whole numbers (count ≥ 1)\n')
      return 2
    }
    const app = await openCliApp(values, io)
    try {
      const account = app.repos.accounts.ensureShopAccount('Mi tienda')
      const bar = createProgressBar(io.stderr as NodeJS.WritableStream & { isTTY?: boolean })
      const result = generateDemoData(app.repos, account.id, {
        count,
        seed,
        withMessages: !values['no-messages'],
        onProgress: (done, total) => bar('demo-data', done, total),
      })
      // Data made to try the app: Revisión, Estadísticas and new datasets show it until the owner leaves demo mode.
      app.settings.update({ demoMode: true })
      writeJsonLine(io, { ...result, demo: true, demoMode: true })
      return 0
    } finally {
      await app.close()
    }
  },
}
