import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const MODULE = resolve('src/main/kernel/unhandled-rejections.ts')
const LOGGER = resolve('src/main/kernel/logger.ts')

/** A process that leaves a promise rejection unhandled, then checks it is still alive. */
function runWith(install: boolean) {
  const script = `
    import { keepServingOnUnhandledRejection } from ${JSON.stringify(MODULE)}
    import { createStreamLogger } from ${JSON.stringify(LOGGER)}
    if (${install}) keepServingOnUnhandledRejection(createStreamLogger(process.stderr))
    void Promise.resolve().then(() => { throw new Error('olvidado en una tarea de fondo') })
    setTimeout(() => { console.log('still serving'); process.exit(0) }, 200)
  `
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 })
}

describe('unhandled promise rejections', () => {
  it('are logged and the process keeps running', () => {
    const run = runWith(true)
    expect(run.stdout).toContain('still serving')
    expect(run.status).toBe(0)
    expect(run.stderr).toMatch(/ERROR Unhandled promise rejection.*olvidado en una tarea de fondo/)
  })

  it('end the process without the handler (what serve did before)', () => {
    const run = runWith(false)
    expect(run.stdout).not.toContain('still serving')
    expect(run.status).not.toBe(0)
  })
})
