// E-mail addresses as written and as spoken to dodge filters: "juan @ gmail.com",
// "juan(arroba)gmail.com", "juan [at] gmail [dot] com", "juan punto perez arroba gmail punto com".
// Every quantifier is bounded: an unbounded local part made a 64 KB message cost seconds.

import type { SpanSet } from './spans'

const WHATSAPP_JID = /(?<![\p{N}])\d[\d-]{5,40}(?::\d{1,4})?@(?:s\.whatsapp\.net|c\.us|g\.us|lid|broadcast)(?![\p{L}\p{N}])/gu

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-]{1,64}(?:\.[\p{L}\p{N}_%+-]{1,64}){0,5}\s{0,2}@\s{0,2}[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,4}\.\p{L}{2,24}(?![\p{L}\p{N}])/gu

const WORD = String.raw`[\p{L}\p{N}_-]{1,40}`
const AT = String.raw`\s{0,2}[\[({<]\s?(?:arroba|at)\s?[\])}>]\s{0,2}|\s(?:arroba|at)\s|\s{0,2}@\s{0,2}`
const DOT = String.raw`\s{0,2}[\[({<]\s?(?:punto|dot)\s?[\])}>]\s{0,2}|\s(?:punto|dot)\s|\.`
const SPOKEN_EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}._-])${WORD}(?:(?:${DOT})${WORD}){0,4}(?:${AT})(${WORD}(?:(?:${DOT})${WORD}){0,3})(?![\p{L}\p{N}])`,
  'giu',
)
const DOMAIN_DOT = new RegExp(String.raw`(?:${DOT})`, 'giu')

const TLDS = new Set([
  'com', 'co', 'net', 'org', 'es', 'edu', 'gov', 'gob', 'mx', 'ar', 'cl', 'pe', 'ec', 've', 'uy', 'py', 'bo',
  'gt', 'hn', 'sv', 'ni', 'cr', 'pa', 'cu', 'do', 'pr', 'us', 'io', 'info', 'me', 'biz', 'online', 'store', 'shop',
])
const PROVIDERS = new Set(['gmail', 'hotmail', 'outlook', 'yahoo', 'live', 'icloud', 'protonmail', 'proton', 'msn', 'aol', 'yandex', 'zoho'])

export const EMAIL_HINT = /arroba|[[({<]\s?at\s?[\])}>]|\sat\s|@/i

export function findEmails(text: string, spans: SpanSet): void {
  if (text.includes('@')) {
    for (const m of text.matchAll(WHATSAPP_JID)) spans.add(m.index, m.index + m[0].length, 'phone')
    for (const m of text.matchAll(EMAIL)) spans.add(m.index, m.index + m[0].length, 'email')
  }
  for (const m of text.matchAll(SPOKEN_EMAIL)) {
    if (!plausibleDomain(m[1]!)) continue
    spans.add(m.index, m.index + m[0].length, 'email')
  }
}

/** "gmail", "tienda punto co", "empresa.com.mx": a known provider or a domain ending in a top-level one. */
function plausibleDomain(domain: string): boolean {
  const words = domain.split(DOMAIN_DOT).map((w) => w.trim().toLowerCase())
  if (PROVIDERS.has(words[0]!)) return true
  return words.length >= 2 && TLDS.has(words[words.length - 1]!)
}
