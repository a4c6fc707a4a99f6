import { afterEach, describe, expect, it } from 'vitest'
import type { LlmProvider, ProviderHealth } from '../../src/main/llm/llm-provider'
import { LlmService } from '../../src/main/llm/llm-service'
import { defaultSettings } from '../../src/main/settings/settings-defaults'
import { SettingsService } from '../../src/main/settings/settings-service'
import { buildTestApp, type TestApp } from '../support/test-app'

/** A local server whose health answers wait until the test releases them, one model at a time. */
class HeldHealth implements LlmProvider {
  readonly id = 'ollama' as const
  readonly host = 'http://127.0.0.1:11434'
  private readonly waiting = new Map<string, (health: ProviderHealth) => void>()
  health(model: string): Promise<ProviderHealth> {
    return new Promise((resolve) => this.waiting.set(model, resolve))
  }
  release(model: string, state: ProviderHealth['state']): void {
    const resolve = this.waiting.get(model)
    if (!resolve) throw new Error(`no health check waiting for ${model}`)
    this.waiting.delete(model)
    resolve({ state, detail: state === 'ready' ? null : 'falta el modelo', serverVersion: '0.6.0', installedModels: [] })
  }
  chat(): never {
    throw new Error('not used')
  }
  listModels(): Promise<never[]> {
    return Promise.resolve([])
  }
  embed(): Promise<number[][]> {
    return Promise.resolve([])
  }
}

describe('LlmService health checks', () => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.dispose()
    app = undefined
  })

  it('keeps the newest model’s answer when a check of the previous model comes back later', async () => {
    app = await buildTestApp()
    const settings = new SettingsService({ repo: app.repos.settings, defaults: defaultSettings({}) })
    settings.update({ llm: { model: 'viejo:1b', policy: 'local' } })
    const provider = new HeldHealth()
    const llm = new LlmService({ settings, createProvider: () => provider, createCloudProvider: () => provider, cloudKey: () => null, logger: app.logger, recheckMs: 600_000 })
    try {
      // A download finished: the app re-checks the models (old one still configured)…
      const stale = llm.check()
      // …and then makes the downloaded model the one that answers, which checks again.
      settings.update({ llm: { model: 'nuevo:1b' } })
      provider.release('nuevo:1b', 'ready')
      await new Promise((resolve) => setTimeout(resolve, 10))
      expect(llm.status().state).toBe('ready')
      // The first check answers last, for a model no longer used: it changes nothing.
      provider.release('viejo:1b', 'model_missing')
      await stale
      expect(llm.status().state).toBe('ready')
    } finally {
      await llm.close()
    }
  })
})
