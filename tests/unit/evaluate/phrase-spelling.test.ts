import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { foldSpanish } from '../../../src/shared/spanish-fold'
import { canonicalWord } from '../../../src/main/kernel/spanish-text'

// Every PhraseSet the rule modules build is recorded as it is built: a rule word the normalizer
// never produces ("whatsapp", which it writes "whatsap"; "podés", which it folds and rewrites) is a
// rule that silently never fires.
const recorded = vi.hoisted(() => [] as { module: string; pattern: string }[])

vi.mock('../../../src/main/kernel/phrase-matcher', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/main/kernel/phrase-matcher')>()
  class RecordingPhraseSet<T> extends original.PhraseSet<T> {
    constructor(rules: readonly { pattern: string; value: T }[]) {
      super(rules)
      const caller = new Error().stack?.split('\n').find((line) => /src[\\/]main[\\/](evaluate|guardrails)[\\/]/.test(line)) ?? '?'
      const module = /(evaluate|guardrails)[\\/][\w-]+\.ts/.exec(caller)?.[0] ?? '?'
      for (const rule of rules) recorded.push({ module, pattern: rule.pattern })
    }
  }
  return { ...original, PhraseSet: RecordingPhraseSet }
})

describe('phrase rules are written in the normalizer’s spelling', () => {
  it('has no rule word that the normalizer would never produce', async () => {
    await import('../../../src/main/evaluate/reply-scorer')
    await import('../../../src/main/evaluate/message-scorer')
    await import('../../../src/main/evaluate/category')
    await import('../../../src/main/evaluate/offer-context')
    await import('../../../src/main/evaluate/order-details')
    await import('../../../src/main/guardrails/human-request')
    // The rule modules really were loaded through the recording class: a check over no rules passes anything.
    expect(new Set(recorded.map((r) => r.module))).toEqual(new Set(['evaluate/reply-scorer.ts', 'evaluate/message-scorer.ts', 'evaluate/category.ts', 'evaluate/offer-context.ts', 'evaluate/order-details.ts', 'guardrails/human-request.ts']))
    expect(recorded.length).toBeGreaterThan(500)

    const dead: string[] = []
    for (const { module, pattern } of recorded) {
      for (const slot of pattern.trim().split(/\s+/)) {
        for (const word of slot.replace(/\?$/, '').split('|')) {
          if (word === '$' || word === '*') continue
          const spelled = canonicalWord(foldSpanish(word))
          if (spelled !== word) dead.push(`${module}: "${word}" is read as "${spelled}" (in "${pattern.slice(0, 60)}")`)
        }
      }
    }
    expect(dead).toEqual([])
  })

  it('has no word in a word list of the rule modules that the normalizer would never produce', () => {
    // The lists the rules look words up in ("notAfter: new Set(['la', 'contra'])", a module's
    // "new Set('pago pagos pagamos'.split(' '))", a spread "...'pago pagos'.split(' ')", an exported
    // "readonly string[] = ['nequi', …]") are read from the source: no PhraseSet records them. Lists
    // of signal kinds (Set<SignalKind>) hold no words. The kernel's payment words are shared by the
    // scorer and the category, so they are rule words too.
    const evaluate = join(__dirname, '../../../src/main/evaluate')
    const files = [
      ...readdirSync(evaluate).filter((f) => f.endsWith('.ts') && f !== 'sentiment-weights.ts').map((f) => join(evaluate, f)),
      join(__dirname, '../../../src/main/kernel/payment-words.ts'),
    ]
    const quoted = (list: string) => [...list.matchAll(/'([^']*)'/g)].map((x) => x[1]!)
    const lists: { form: RegExp; words: (m: RegExpMatchArray) => string[] }[] = [
      { form: /new Set(?!<SignalKind>)(?:<[^>]*>)?\(\s*'([^']*)'\s*\.split\(' '\)/g, words: (m) => m[1]!.split(' ') },
      { form: /new Set(?!<SignalKind>)(?:<[^>]*>)?\(\s*\[([^\]]*)\]/g, words: (m) => quoted(m[1]!) },
      { form: /\.\.\.'([^']*)'\s*\.split\(' '\)/g, words: (m) => m[1]!.split(' ') },
      { form: /(?:readonly string\[\]|ReadonlySet<string>)\s*=\s*\[([^\]]*)\]/g, words: (m) => quoted(m[1]!) },
    ]
    const dead: string[] = []
    const seen = new Map<string, number>()
    for (const file of files) {
      const source = readFileSync(file, 'utf8')
      const name = file.split(/[\\/]/).pop()!
      for (const { form, words } of lists) {
        for (const m of source.matchAll(form)) {
          for (const word of words(m).filter((w) => /^[\p{L}\p{N}]+$/u.test(w))) {
            seen.set(name, (seen.get(name) ?? 0) + 1)
            const spelled = canonicalWord(foldSpanish(word))
            if (spelled !== word) dead.push(`${name}: "${word}" is read as "${spelled}"`)
          }
        }
      }
    }
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(1000)
    // The three forms were all read: the kernel's spreads and its exported list among them.
    expect(seen.get('payment-words.ts')).toBeGreaterThan(80)
    expect(dead).toEqual([])
  })
})
