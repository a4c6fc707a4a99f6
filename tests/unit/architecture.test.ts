// The layering of scripts/lint/layers.mjs, held: every folder of the core has a place, lint
// refuses an upward import (a planted one must fail), and the domains never import one another
// in a circle.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { LAYERS, placeOf } from '../../scripts/lint/layers.mjs'

const ROOT = resolve('.')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

/** Relative imports of a file, resolved to repository-relative paths (static, dynamic and re-exports). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const found: string[] = []
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    found.push(relative(ROOT, resolve(dirname(file), match[1]!)))
  }
  return found
}

/** A cycle in a directed graph, as the list of its nodes, or null. */
function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (node: string): string[] | null => {
    state.set(node, 'open')
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next]
      if (!state.has(next)) {
        const cycle = visit(next)
        if (cycle) return cycle
      }
    }
    stack.pop()
    state.set(node, 'done')
    return null
  }
  for (const node of graph.keys()) {
    if (!state.has(node)) {
      const cycle = visit(node)
      if (cycle) return cycle
    }
  }
  return null
}

describe('the layers of the core', () => {
  it('place every folder and top-level file of src/main', () => {
    const entries = readdirSync('src/main').map((name) => `src/main/${name}`)
    const unplaced = entries.filter((path) => placeOf(path) === null)
    expect(unplaced).toEqual([])
    expect(LAYERS.map((layer) => layer.name)).toEqual(['shared', 'kernel', 'store', 'api', 'domains', 'app', 'bindings'])
  })

  it('are enforced by lint: a planted upward import fails, a downward one passes', async () => {
    const eslint = new ESLint({ cwd: ROOT })
    const lint = async (filePath: string, code: string) => (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.ruleId)
    expect(await lint('src/main/kernel/planted.ts', "import { createApp } from '../app/create-app'\nexport const x = createApp\n")).toContain('layers/no-upward-import')
    expect(await lint('src/main/store/planted.ts', "import { Responder } from '../pipeline/responder'\nexport const x = Responder\n")).toContain('layers/no-upward-import')
    expect(await lint('src/main/catalog/planted.ts', "export { startHttpServer } from '../server/http-server'\n")).toContain('layers/no-upward-import')
    expect(await lint('src/shared/planted.ts', "export const load = () => import('../main/kernel/ids')\n")).toContain('layers/no-upward-import')
    expect(await lint('src/renderer/src/planted.ts', "import { newId } from '../../main/kernel/ids'\nexport const x = newId\n")).toContain('layers/no-upward-import')
    expect(await lint('src/main/catalog/planted.ts', "import { newId } from '../kernel/ids'\nexport const x = newId\n")).not.toContain('layers/no-upward-import')
  }, 60_000)

  it('let no two domain folders import each other in a circle', () => {
    const graph = new Map<string, Set<string>>()
    for (const file of sourceFiles('src/main')) {
      const from = placeOf(relative(ROOT, file))
      if (from?.layer !== 'domains') continue
      const edges = graph.get(from.unit) ?? new Set<string>()
      graph.set(from.unit, edges)
      for (const target of importsOf(file)) {
        const to = placeOf(target)
        if (to?.layer === 'domains' && to.unit !== from.unit) edges.add(to.unit)
      }
    }
    expect(graph.size).toBeGreaterThan(15)
    expect(findCycle(graph)).toBeNull()
  })

  it('find a circle when there is one (the check above can fail)', () => {
    const graph = new Map([
      ['conversations', new Set(['pipeline'])],
      ['pipeline', new Set(['llm', 'conversations'])],
      ['llm', new Set<string>()],
    ])
    expect(findCycle(graph)).toEqual(['conversations', 'pipeline', 'conversations'])
    graph.get('pipeline')!.delete('conversations')
    expect(findCycle(graph)).toBeNull()
  })
})
