// Terms for full-text search over Spanish shop text. Customers write "audifonos", "Audífonos",
// "audífono" and "audiffonos" for the same product: terms are folded (case, accents, emphatic
// repeats), stripped of words that carry no meaning for a search, and reduced to a singular.
import { singularSpanish } from '../../shared/spanish-fold'
import { collapseRepeats, foldSpanish } from '../kernel/spanish-text'

/** Articles, prepositions, pronouns, fillers and greetings: they match every document. */
const STOP_WORDS = new Set(
  (
    'a al algo alguien alguna algun alguno algunos ante antes aqui asi aun bien bueno buenas buenos buen como con contra cual cuales cuando de del desde donde dos el ella ellas ellos en entre era eres es esa esas ese eso esos esta estan estas este esto estos estoy fue gracias ha hay hola hasta la las le les lo los me mi mis mucho muy mas nada ni no nos nosotros o os otra otro para pero poco por porque pues que quien quiero quisiera se sea ser si sin sobre solo son soy su sus tambien tan te tenemos tener tengo tiene tienen tienes todo todos tu tus un una unas uno unos usted ustedes va vale ver y ya yo ok okay porfavor favor dias dia tardes noches saludos ' +
    'puedo puede pueden podria necesito busco buscando quisiera gustaria hacer tienda info informacion ' +
    // How customers ask, not what they ask about: they would match every product's description.
    'cuanto cuanta cuantos cuesta cuestan costo precio precios valor vende venden venta comprar compra disponible'
  ).split(/\s+/),
)

/** Splits on anything that is not a letter or digit; "usb-c" → ["usb", "c"]. */
export function tokenizeSpanish(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0)
}

/** Folded, singular form of a term, or null for a stop word. */
export function processSpanishTerm(term: string): string | null {
  const folded = collapseRepeats(foldSpanish(term))
  if (folded.length === 0 || STOP_WORDS.has(folded)) return null
  if (/^\p{N}+$/u.test(folded)) return folded.length >= 2 ? folded : null
  return singularSpanish(folded)
}
