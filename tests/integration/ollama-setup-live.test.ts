import { describe, expect, it } from 'vitest'
import { normalizeOllamaHost } from '../../src/main/settings/settings-defaults'
import { isTooOld } from '../../src/main/models-setup/ollama-version'
import { buildTestApp, callApi as call } from '../support/test-app'

// Runs against a real Ollama wherever one answers (OLLAMA_HOST, else the default address), like
// ollama-live.test.ts; the rest of the suite speaks to a double of its API.
const host = normalizeOllamaHost(process.env.OLLAMA_HOST)
const version = await fetch(`${host}/api/version`, { signal: AbortSignal.timeout(1_500) })
  .then(async (response) => ((await response.json()) as { version?: string }).version ?? null)
  .catch(() => null)
if (version === null) {
  console.warn(`[ollama-setup-live] SKIPPED: no Ollama answers at ${host}. Detection is covered against the Ollama API double; point OLLAMA_HOST at a real server to check it live.`)
}

describe.skipIf(version === null)(`live Ollama at ${host}`, () => {
  it('is detected as running (or too old) with the version it reports', async () => {
    const app = await buildTestApp({ ollamaHost: host })
    try {
      const state = await call(app, 'ollama.detect', {})
      expect(state.version).toBe(version)
      expect(state.state).toBe(isTooOld(version) ? 'too_old' : 'running')
      const plan = await call(app, 'models.plan', {})
      expect(plan.hardware.totalMemoryBytes).toBeGreaterThan(0)
      expect(plan.options.filter((o) => o.recommended)).toHaveLength(1)
    } finally {
      await app.dispose()
    }
  })
})
