import { describe, expect, it } from 'vitest'
import { PhraseSet } from '../../../src/main/kernel/phrase-matcher'

/** The words of a clause-less text and one clause per comma-separated part. */
function clauses(text: string): { words: string[]; clauseOf: number[] } {
  const words: string[] = []
  const clauseOf: number[] = []
  text.split(',').forEach((part, clause) => {
    for (const w of part.trim().split(/\s+/).filter(Boolean)) {
      words.push(w)
      clauseOf.push(clause)
    }
  })
  return { words, clauseOf }
}

const matched = (pattern: string, text: string): string[] => {
  const { words, clauseOf } = clauses(text)
  return new PhraseSet([{ pattern, value: pattern }]).findAll(words, clauseOf).map((m) => words.slice(m.start, m.end).join(' '))
}

describe('PhraseSet', () => {
  it('matches alternatives, optional slots and the end of a clause', () => {
    expect(matched('me lo? llevo|compro', 'ya me lo llevo')).toEqual(['me lo llevo'])
    expect(matched('me lo? llevo|compro', 'me compro uno')).toEqual(['me compro'])
    expect(matched('ya no $', 'ya no, gracias')).toEqual(['ya no'])
    expect(matched('ya no $', 'ya no lo quiero')).toEqual([])
  })

  it('matches "*" against any one word of the clause, and skips it when optional', () => {
    expect(matched('gracias *? por nada', 'gracias claro por nada')).toEqual(['gracias claro por nada'])
    expect(matched('gracias *? por nada', 'gracias por nada')).toEqual(['gracias por nada'])
    expect(matched('gracias * por nada', 'gracias por nada')).toEqual([])
    // One word only, and never across a clause.
    expect(matched('gracias *? por nada', 'gracias a claro por nada')).toEqual([])
    expect(matched('gracias * por nada', 'gracias, claro por nada')).toEqual([])
  })

  it('refuses a rule that a wildcard would open, or that has no required word', () => {
    expect(() => new PhraseSet([{ pattern: '* por nada', value: 1 }])).toThrow(/opens with/)
    expect(() => new PhraseSet([{ pattern: 'muy? * bueno', value: 1 }])).toThrow(/opens with/)
    expect(() => new PhraseSet([{ pattern: 'muy? $', value: 1 }])).toThrow(/no required word/)
  })
})
