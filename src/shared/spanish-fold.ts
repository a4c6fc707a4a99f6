/** Lowercase and strip accents, keeping ñ: "año" and "ano" are different words in Spanish. */
export function foldSpanish(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/n\u0303/g, '\u00f1')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
}

/**
 * A light plural stemmer: enough to meet "cursos"/"curso", "audifonos"/"audifono",
 * "cargadores"/"cargador", "luces"/"luz". Full stemming (Snowball) merges too much in a
 * product catalog ("camara"/"camarero"). Takes a folded word.
 */
export function singularSpanish(word: string): string {
  if (word.length <= 3) return word
  if (word.endsWith('ces') && word.length > 4) return word.slice(0, -3) + 'z'
  if (/[^aeiou]es$/.test(word) && word.length > 5 && /(?:[dlnrjz])es$/.test(word)) return word.slice(0, -2)
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}

/** Folded, singular words of a text, in order: what a search compares ("Audífonos" and "audifono" meet). */
export function searchStems(text: string): string[] {
  return foldSpanish(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map(singularSpanish)
}
