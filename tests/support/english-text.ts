// Finds English in text meant for the owner: words that are common in English error
// messages and that no Spanish sentence uses ("no", "a", "de" are Spanish too, so they are not here).
const ENGLISH_WORDS = new Set([
  'the', 'must', 'should', 'expected', 'received', 'invalid', 'input', 'too', 'small', 'big', 'characters', 'required',
  'unknown', 'unrecognized', 'field', 'failed', 'string', 'number', 'option', 'options', 'known', 'pick', 'give', 'least',
  'most', 'empty', 'only', 'digits', 'with', 'country', 'file', 'folder', 'path', 'please', 'value', 'at', 'is', 'be',
  'of', 'to', 'or', 'and', 'not', 'bad', 'port', 'refused', 'timeout', 'timed', 'out', 'fetch', 'network', 'could',
  'cannot', 'did', 'does', 'an', 'for', 'items', 'key', 'method', 'array', 'boolean', 'object', 'url', 'undefined', 'null',
])

/** The English words in `text`, in order; empty when it reads as Spanish. */
export function englishWords(text: string): string[] {
  // URLs and quoted identifiers ("«whatsapp.pair»") are names, not sentences.
  const prose = text.replace(/https?:\/\/\S+/g, ' ').replace(/«[^»]*»/g, ' ')
  return (prose.match(/[A-Za-zÀ-ÿ]+/g) ?? []).filter((word) => ENGLISH_WORDS.has(word.toLowerCase()))
}
