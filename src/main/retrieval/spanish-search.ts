import MiniSearch, { type Options, type SearchOptions } from 'minisearch'
import { processSpanishTerm, tokenizeSpanish } from './spanish-terms'

/**
 * Prefix matching from 4 letters ("audi" finds "audifono") and one typo per 5 letters
 * ("gitarra"): customers type on a phone. Shorter terms match exactly only, or "usb" would
 * match every word starting with it.
 */
const searchDefaults: SearchOptions = {
  prefix: (term) => term.length >= 4,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  maxFuzzy: 2,
  combineWith: 'OR',
}

/** A MiniSearch index that reads Spanish the same way when indexing and when searching. */
export function createSpanishIndex<T>(options: Pick<Options<T>, 'fields' | 'storeFields' | 'extractField'> & { searchOptions?: SearchOptions }): MiniSearch<T> {
  return new MiniSearch<T>({
    ...options,
    idField: 'id',
    tokenize: tokenizeSpanish,
    processTerm: (term) => processSpanishTerm(term),
    searchOptions: { ...searchDefaults, ...options.searchOptions },
  })
}

/** The query's meaningful terms, as the index sees them. */
export function queryTerms(query: string): string[] {
  return tokenizeSpanish(query).flatMap((t) => processSpanishTerm(t) ?? [])
}
