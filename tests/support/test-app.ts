import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp, type App } from '../../src/main/app/create-app'
import type { AppConfig } from '../../src/main/app/app-config'
import { silentLogger } from '../../src/main/kernel/logger'
import type { ApiInput, ApiMethod, ApiOutput } from '../../src/shared/api/contract'

export function tempDir(prefix = 'autodidacta-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

/** A whole app in a fresh temp dir; `dispose` closes it and removes the dir. */
export async function buildTestApp(
  overrides: Partial<AppConfig> & { ollamaHost?: string } = {},
): Promise<App & { dispose: () => Promise<void> }> {
  const dir = overrides.dataDir ? null : tempDir()
  const { ollamaHost, ...config } = overrides
  const app = await createApp({
    dataDir: dir?.path ?? overrides.dataDir!,
    version: '0.0.0-test',
    logger: silentLogger,
    // AUTODIDACTA_WHISPER_MODELS_URL: a voice note in a test app never downloads a real speech model.
    env: { OLLAMA_HOST: ollamaHost ?? 'http://127.0.0.1:9', AUTODIDACTA_WHISPER_MODELS_URL: 'http://127.0.0.1:9' },
    ...config,
  })
  return Object.assign(app, {
    dispose: async () => {
      await app.close()
      dir?.remove()
    },
  })
}

/** The app `buildTestApp` gives: a whole app plus `dispose`. */
export type TestApp = Awaited<ReturnType<typeof buildTestApp>>

/** Polls until `check` returns a truthy value or the time runs out. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5000, intervalMs = 20): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  let last: T | undefined
  while (Date.now() < deadline) {
    last = await check()
    if (last) return last as NonNullable<T>
    await new Promise((r) => setTimeout(r, intervalMs))
  }
  throw new Error(`Condition not met within ${timeoutMs} ms (last value: ${JSON.stringify(last)})`)
}

/**
 * Calls a method through the app's dispatcher (validation included) and unwraps the result; the
 * contract types the input and the result, so a test cannot drift from the API it exercises.
 */
export async function callApi<M extends ApiMethod>(app: Pick<App, 'dispatch'>, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = await app.dispatch(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
  return result.value as ApiOutput<M>
}
