import { createApp, type App } from '../app/create-app'
import { readPackageVersion } from '../kernel/project-paths'
import { createStreamLogger } from '../kernel/logger'
import type { CliIo } from './command'
import { resolveDataDir } from './data-dir'

export function openCliApp(values: Record<string, string | boolean | undefined>, io: CliIo): Promise<App> {
  return createApp({
    dataDir: resolveDataDir(values['data-dir'] as string | undefined, io.env),
    version: readPackageVersion(),
    env: io.env,
    logger: createStreamLogger(io.stderr),
  })
}
