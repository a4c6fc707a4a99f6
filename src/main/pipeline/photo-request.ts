import { analyzeSpanish } from '../kernel/spanish-text'
import { categoryOf } from '../evaluate'
import { searchStems } from '../../shared/spanish-fold'
import type { Product } from '../store/repositories/products-repository'

/** The customer is sending a photo, not asking for one: "te mando una foto", "le envío la imagen". */
const SENDING = /\b(te|le|les) (mando|envio|paso|comparto|adjunto)\b|\b(ahi|aqui|aca) (va|van|te va|le va)\b/

/** "¿tienes foto?", "mándame foto de la negra", "¿me muestras imágenes del parlante?" (category solicitud_foto). */
export function asksForPhoto(text: string): boolean {
  const analyzed = analyzeSpanish(text)
  if (categoryOf(analyzed) !== 'solicitud_foto') return false
  return !SENDING.test(analyzed.words.join(' '))
}

/** At most this many photos for one question: a catalog dump is spam, not an answer. */
export const MAX_PHOTOS_PER_ANSWER = 3

/**
 * Which products the photo is of: the product in focus and any other product named in the
 * question ("foto del parlante y de la lámpara"), the focus first.
 */
export function photoProducts(text: string, focus: Product | null, candidates: readonly Product[]): Product[] {
  const asked = new Set(searchStems(text))
  const named = candidates.filter((product) => {
    const words = searchStems(product.name).filter((w) => w.length >= 4 && !/^\d/.test(w))
    return words.length > 0 && asked.has(words[0]!)
  })
  // A one-product shop: "¿tienes foto?" can only mean that one.
  const chosen = [...(focus ? [focus] : []), ...named, ...(candidates.length === 1 ? candidates : [])]
  return chosen.filter((p, i) => chosen.findIndex((q) => q.id === p.id) === i).slice(0, MAX_PHOTOS_PER_ANSWER)
}
