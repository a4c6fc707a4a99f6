import type { Machine, SpawnRequest } from '../../../src/main/models-setup/machine'

/** A computer of any OS, with only the files it is given. */
export function fakeMachine(overrides: Partial<Machine> & { files?: string[] } = {}): Machine & { spawned: SpawnRequest[] } {
  const files = new Set(overrides.files ?? [])
  const spawned: SpawnRequest[] = []
  return {
    platform: 'linux',
    arch: 'x64',
    home: '/home/tienda',
    env: {},
    fileExists: (path) => files.has(path),
    spawn: async (request) => {
      spawned.push(request)
    },
    run: () => Promise.reject(new Error('not found')),
    freeBytes: async () => 500e9,
    totalMemoryBytes: () => 16 * 1024 ** 3,
    cpuCores: () => 4,
    localNames: () => ['tienda-pc', '192.168.1.20'],
    ...overrides,
    spawned,
  }
}
