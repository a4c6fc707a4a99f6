/** Lowercase and strip accents, keeping ñ: "año" and "ano" are different words in Spanish. */
export function foldSpanish(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/n\u0303/g, '\u00f1')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
}
