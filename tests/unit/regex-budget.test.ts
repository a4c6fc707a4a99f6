// Issue 12 §2: no input stalls the event loop. Every regular expression under src/ — each
// literal, and each `new RegExp(...)` — runs against long runs of every kind of character a
// customer, an owner's spreadsheet or a model can produce, and must finish within a budget.
// A pattern that backtracks super-linearly (`[.!]+$`, `\(.*?\)`, `\s+$` without a fixed start,
// nested quantifiers) takes seconds on 50,000 characters; a linear one takes well under one
// millisecond, so the budget is generous and the test is not flaky on a busy machine.
//
// How the regexes are found: the TypeScript compiler reads every src/**/*.ts(x) and lists its
// regex literals (compiled here with their flags) and its `new RegExp` calls. A call with static
// arguments is compiled here too; one built from other constants (pii-scrubber's patterns) is
// caught by importing its module with `RegExp` wrapped, which sees every module-level
// construction. A dynamic `new RegExp` inside a function cannot be reached that way: the test
// fails and asks for it to be a module-level constant.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../..')
const SRC = join(ROOT, 'src')
const LENGTH = 50_000
const BUDGET_MS = 200

interface Found {
  /** "src/shared/money.ts:123" */
  where: string
  regex: RegExp
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

function staticString(node: ts.Expression): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
  // String.raw`...` without substitutions: the raw text is the pattern.
  if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'String.raw' && ts.isNoSubstitutionTemplateLiteral(node.template)) {
    return node.template.rawText ?? node.template.text
  }
  return null
}

interface Scan {
  literals: Found[]
  /** `new RegExp` calls that need the module imported: file → how many. */
  dynamic: Map<string, { count: number; sites: string[]; insideFunction: string[] }>
  errors: string[]
}

function scan(): Scan {
  const literals: Found[] = []
  const dynamic: Scan['dynamic'] = new Map()
  const errors: string[] = []
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8')
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
    const rel = relative(ROOT, file)
    const at = (node: ts.Node) => `${rel}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
    const visit = (node: ts.Node, inFunction: boolean): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText()
        const end = literal.lastIndexOf('/')
        try {
          literals.push({ where: at(node), regex: new RegExp(literal.slice(1, end), literal.slice(end + 1)) })
        } catch (error) {
          errors.push(`${at(node)}: ${String(error)}`)
        }
      }
      if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const args = (node.arguments ?? []).map(staticString)
        if (args.length > 0 && args.every((a) => a !== null)) {
          literals.push({ where: at(node), regex: new RegExp(args[0]!, args[1] ?? undefined) })
        } else {
          const entry = dynamic.get(file) ?? { count: 0, sites: [], insideFunction: [] }
          entry.count++
          entry.sites.push(at(node))
          if (inFunction) entry.insideFunction.push(at(node))
          dynamic.set(file, entry)
        }
      }
      const entersFunction = inFunction || ts.isFunctionLike(node)
      ts.forEachChild(node, (child) => visit(child, entersFunction))
    }
    visit(source, false)
  }
  return { literals, dynamic, errors }
}

/** Imports the modules with dynamic patterns while `RegExp` is wrapped, to see each one built. */
async function captureDynamic(dynamic: Scan['dynamic']): Promise<Found[]> {
  const found: Found[] = []
  const original = globalThis.RegExp
  const wrapped = new Proxy(original, {
    construct(target, args: [string | RegExp, string?], newTarget) {
      const regex = Reflect.construct(target, args, newTarget === wrapped ? target : newTarget) as RegExp
      const stack = new Error().stack ?? ''
      for (const file of dynamic.keys()) {
        if (stack.includes(file)) found.push({ where: `${relative(ROOT, file)} (new RegExp /${regex.source}/)`, regex })
      }
      return regex
    },
  })
  globalThis.RegExp = wrapped
  try {
    for (const file of dynamic.keys()) await import(/* @vite-ignore */ file)
  } finally {
    globalThis.RegExp = original
  }
  return found
}

/** Runs of one character class, alone and in the mixes that make ambiguous patterns backtrack. */
const UNITS = [
  'a', 'Z', 'ñ', 'á', 'É', 'ü', '1', '0', ' ', '\t', '\u00a0', '\u200b', '\n', '\r\n',
  '.', ',', ';', ':', '-', '_', '(', ')', '[', ']', '{', '}', '@', '＠', '+', '#', '$', '%', '*', '/', '\\', '|',
  '!', '¡', '?', '¿', "'", '"', '’', '«', '😀', '👍🏽', '１',
  'a ', 'a.', 'a,', 'a-', 'a@', 'a\n', 'a1', '1.', '1,', '1 ', '1-', '12 ', '123 ', '123.', '1.000 ', '$1', '+1 ',
  '. ', ', ', '( ', '()', '(a', '.!', '! ', ' \n', 'á ', 'ab.', 'a.b@', 'mil ', 'de ',
]
/** After the run: nothing, a character no class above contains, a letter, a dot. */
const ENDINGS = ['', '\u0007', 'x', '.', ')']

function inputs(): string[] {
  const out: string[] = []
  for (const unit of UNITS) {
    const run = unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH)
    for (const ending of ENDINGS) out.push(run + ending)
  }
  return out
}

function describeInput(input: string): string {
  const head = JSON.stringify(input.slice(0, 6))
  const tail = JSON.stringify(input.slice(-1))
  return `${head}… (${input.length} chars, ending ${tail})`
}

/** The slowest use of the pattern on this input: a full replace (every match) and one exec. */
function timeOne(regex: RegExp, input: string): number {
  const started = performance.now()
  regex.lastIndex = 0
  regex.exec(input)
  regex.lastIndex = 0
  input.replace(regex, '')
  regex.lastIndex = 0
  return performance.now() - started
}

describe('every regex under src/ runs in linear time', () => {
  let found: Found[] = []
  let dynamicSites: Scan['dynamic'] = new Map()
  let scanErrors: string[] = []

  beforeAll(async () => {
    const { literals, dynamic, errors } = scan()
    dynamicSites = dynamic
    scanErrors = errors
    found = [...literals, ...(await captureDynamic(dynamic))]
  }, 60_000)

  afterAll(() => {
    found = []
  })

  it('finds the patterns (the scanner itself works)', () => {
    expect(scanErrors).toEqual([])
    // The money reader and the catalog importer are full of patterns; a scanner that finds
    // none of them is broken, not proof of safety.
    expect(found.some((f) => f.where.startsWith(join('src', 'shared', 'money.ts')))).toBe(true)
    expect(found.some((f) => f.where.startsWith(join('src', 'main', 'catalog', 'catalog-import.ts')))).toBe(true)
    expect(found.length).toBeGreaterThan(100)
  })

  it('every dynamic `new RegExp` is a module-level constant the test can reach', () => {
    const unreachable = [...dynamicSites.values()].flatMap((d) => d.insideFunction)
    expect(unreachable, 'build these patterns once at module level (and so outside any hot path)').toEqual([])
    for (const [file, { count, sites }] of dynamicSites) {
      const caught = found.filter((f) => f.where.startsWith(`${relative(ROOT, file)} (new RegExp`)).length
      expect(caught, `patterns built at ${sites.join(', ')}`).toBeGreaterThanOrEqual(count)
    }
  })

  it(`each finishes within ${BUDGET_MS} ms on ${LENGTH.toLocaleString('en')}-character runs of every character class`, () => {
    const all = inputs()
    const slow: string[] = []
    for (const { where, regex } of found) {
      for (const input of all) {
        // A busy machine (a garbage collection, another process) can stretch one linear run past the
        // budget; a backtracking pattern is slow every time. The best of three tells them apart.
        let ms = timeOne(regex, input)
        for (let retry = 0; retry < 2 && ms > BUDGET_MS; retry++) ms = Math.min(ms, timeOne(regex, input))
        if (ms > BUDGET_MS) {
          // One slow input is enough to condemn a pattern; trying the rest would take minutes.
          slow.push(`${where} ${regex} took ${Math.round(ms)} ms on ${describeInput(input)}`)
          break
        }
      }
    }
    expect(slow).toEqual([])
  }, 600_000)
})
