// ESLint plugin with one rule: every relative import must go to the same layer or a lower one
// (see ./layers.mjs). Imports are resolved against the importing file, so the rule sees where
// an import lands, not how its path is spelled.
import { dirname, relative, resolve } from 'node:path'
import { layeringViolation } from './layers.mjs'

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..')

const noUpwardImport = {
  meta: { type: 'problem', docs: { description: 'Imports only go to the same layer or a lower one' }, schema: [] },
  create(context) {
    const from = relative(root, context.filename)
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return
      const to = relative(root, resolve(dirname(context.filename), source))
      const why = layeringViolation(from, to)
      if (why) context.report({ node, message: `Upward import of '${source}': ${why}.` })
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    }
  },
}

export default { meta: { name: 'layers' }, rules: { 'no-upward-import': noUpwardImport } }
