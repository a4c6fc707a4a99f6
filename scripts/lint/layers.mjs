// The layers of the code, lowest first, written once. A file may import its own layer and the
// layers below it, never one above (VS Code's rule: folders are layers). Inside `domains` the
// folders are peers: they may import one another, but never in a circle (tests/unit/architecture.test.ts).
// The ESLint rule `layers/no-upward-import` (./layers-plugin.mjs) checks every relative import.

/** @type {{ name: string, paths: string[] }[]} */
export const LAYERS = [
  { name: 'shared', paths: ['src/shared'] },
  { name: 'kernel', paths: ['src/main/kernel'] },
  { name: 'store', paths: ['src/main/store'] },
  { name: 'api', paths: ['src/main/api'] },
  {
    name: 'domains',
    paths: [
      'src/main/security',
      'src/main/settings',
      'src/main/transport',
      'src/main/whatsapp',
      'src/main/llm',
      'src/main/prompt',
      'src/main/retrieval',
      'src/main/guardrails',
      'src/main/catalog',
      'src/main/conversations',
      'src/main/pipeline',
      'src/main/simulator',
      'src/main/learning',
      'src/main/capture',
      'src/main/evaluate',
      'src/main/review',
      'src/main/curate',
      'src/main/training',
      'src/main/cycle',
      'src/main/stats',
      'src/main/status',
      'src/main/demo',
      'src/main/setup',
      'src/main/models-setup',
      'src/main/media',
    ],
  },
  { name: 'app', paths: ['src/main/app'] },
  { name: 'bindings', paths: ['src/main/cli', 'src/main/server', 'src/main/electron', 'src/main/index.ts', 'src/preload'] },
]

/** The renderer sits beside the core: it imports src/shared and itself, nothing of src/main. */
export const RENDERER = 'src/renderer'

/**
 * Where a repository-relative path sits: its layer's index and the folder (or file) that
 * places it, or null for files outside the layered code (tests, scripts, bench).
 */
export function placeOf(relativePath) {
  const path = relativePath.replaceAll('\\', '/')
  for (const [index, layer] of LAYERS.entries()) {
    for (const prefix of layer.paths) {
      if (path === prefix || path.startsWith(prefix + '/') || path === prefix + '.ts') return { index, layer: layer.name, unit: prefix }
    }
  }
  if (path === RENDERER || path.startsWith(RENDERER + '/')) return { index: -1, layer: 'renderer', unit: RENDERER }
  return null
}

/** Why an import from `from` to `to` (repository-relative paths) breaks the layering, or null. */
export function layeringViolation(from, to) {
  const source = placeOf(from)
  const target = placeOf(to)
  if (!source || !target) return null
  if (source.layer === 'renderer') {
    return target.layer === 'renderer' || target.layer === 'shared' ? null : 'the renderer imports only src/shared and itself'
  }
  if (target.layer === 'renderer') return 'the core never imports the renderer'
  if (target.index > source.index) return `${source.layer} (${source.unit}) may not import ${target.layer} (${target.unit}): layers import only downward`
  return null
}
