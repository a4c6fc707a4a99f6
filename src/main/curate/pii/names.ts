// The customer's own name: the contact's display name wherever it appears (the bot greets
// "Hola Ana"), and a name the customer gives ("me llamo Ana", "mi nombre es Ana Pérez",
// "soy Ana"). "soy de Bogotá", "soy nuevo", "soy cliente" are not names: after "soy" only a
// capitalised word that is not a common word, a place or a nationality counts, or a lowercase
// one that is a first name.

import type { SpanSet } from './spans'

/**
 * Known names prepared once per contact: the scrubber runs several times per exchange. A set of
 * folded words, not a pattern built per contact: matching is one scan over the words of the text.
 */
export interface KnownNames {
  /** Lowercase, accent-free name words ("ana", "perez"). */
  readonly tokens: ReadonlySet<string>
  /** Their lengths: most words of a text are skipped without being folded. */
  readonly lengths: ReadonlySet<number>
  /** Tokens that are also words ("Rosa", "Luz", "Paz"): only replaced when capitalised. */
  readonly ambiguous: ReadonlySet<string>
}

export function knownNames(names: Iterable<string | null | undefined>): KnownNames | null {
  const tokens = new Set<string>()
  for (const name of names) {
    if (typeof name !== 'string') continue
    // A WhatsApp id or a phone as display name is not a name; the phone rules cover it.
    for (const token of name.normalize('NFKC').split(/[^\p{L}'’-]+/u)) {
      const word = token.replace(/^['’-]+|['’-]+$/g, '')
      if (word.length < 3) continue
      const key = fold(word)
      if (TITLES.has(key) || STOP.has(key) || COMMON.has(key)) continue
      tokens.add(key)
    }
  }
  if (tokens.size === 0) return null
  return {
    tokens,
    lengths: new Set([...tokens].map((t) => t.length)),
    ambiguous: new Set([...tokens].filter((t) => WORDLIKE_NAMES.has(t))),
  }
}

export function findKnownNames(text: string, spans: SpanSet, names: KnownNames): void {
  let open = -1
  let close = -1
  const flush = () => {
    if (open >= 0) spans.add(open, close, 'name')
    open = -1
  }
  const n = text.length
  let i = 0
  while (i < n) {
    if (!isLetter(text.charCodeAt(i))) {
      i++
      continue
    }
    const start = i
    while (i < n && (isLetter(text.charCodeAt(i)) || (isJoiner(text.charCodeAt(i)) && i + 1 < n && isLetter(text.charCodeAt(i + 1))))) i++
    const end = i
    // Glued to a digit ("Ana2") it is a handle or a code, not the name in a sentence.
    if ((start > 0 && isDigit(text.charCodeAt(start - 1))) || (end < n && isDigit(text.charCodeAt(end)))) continue
    if (!names.lengths.has(end - start)) continue
    const word = text.slice(start, end)
    const key = fold(word)
    if (!names.tokens.has(key)) continue
    if (names.ambiguous.has(key) && !isCapitalised(word)) continue
    if (spans.overlaps(start, end)) continue
    // "Ana Pérez", "Ana de la Cruz": one name, one placeholder.
    if (open >= 0 && joinable(text.slice(close, start))) {
      close = end
      continue
    }
    flush()
    open = start
    close = end
  }
  flush()
}

function isLetter(c: number): boolean {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true
  if (c < 0xc0) return false
  const ch = String.fromCharCode(c)
  return ch.toLowerCase() !== ch.toUpperCase()
}

function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 45 // ' ’ -
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

function joinable(gap: string): boolean {
  if (gap.length > 12) return false
  return gap.split(/\s+/).every((w) => w === '' || CONNECTORS.has(w.toLowerCase()))
}

const NAME_INTRO =
  /(?<![\p{L}])(?:(me\sllamo|mi\snombre\s(?:completo\s)?es|mi\snombre\s{0,2}:|nombre(?:\scompleto)?\s{0,2}:|a\snombre\sde|de\sparte\sde|(?:le|te|les)\s(?:escribe|habla|saluda)|atte\.?\s{0,2}:?|atentamente,?|cordialmente,?)|(soy))\s{1,3}/giu
const WORD = /([\p{L}][\p{L}'’-]{0,24})/uy

export const NAME_HINT = /llamo|nombre|soy|escribe|habla|saluda|parte\sde|att?e|atentamente|cordialmente/i

/** Names a customer gives: "me llamo Ana" → "me llamo [NOMBRE]". */
export function findIntroducedNames(text: string, spans: SpanSet): void {
  for (const m of text.matchAll(NAME_INTRO)) {
    const strong = m[1] !== undefined
    const start = m.index + m[0].length
    let at = start
    let end = -1
    let words = 0
    while (words < 4) {
      WORD.lastIndex = at
      const w = WORD.exec(text)
      if (!w) break
      const word = w[1]!
      const key = fold(word)
      if (words > 0 && CONNECTORS.has(key) && word === word.toLowerCase()) {
        // "María de los Ángeles": a connector only counts when a capitalised word follows.
        const rest = /^(\s{1,2}(?:(?:de|del|la|las|los)\s{1,2}){0,2})([\p{L}][\p{L}'’-]{0,24})/u.exec(text.slice(at + word.length, at + word.length + 40))
        // "Ana Pérez de Medellín": a place after "de" is where she is from, not her surname.
        if (!rest || !isCapitalised(rest[2]!) || COMMON.has(fold(rest[2]!)) || PLACES.has(fold(rest[2]!))) break
        at += word.length + rest[1]!.length
        continue
      }
      if (!acceptable(word, key, strong, words === 0)) break
      end = at + word.length
      words++
      const gap = /^\s{1,2}/.exec(text.slice(end, end + 3))
      if (!gap) break
      at = end + gap[0].length
    }
    if (end > start) spans.add(start, end, 'name')
  }
}

function acceptable(word: string, key: string, strong: boolean, first: boolean): boolean {
  if (STOP.has(key) || TITLES.has(key)) return false
  if (isCapitalised(word)) {
    if (COMMON.has(key) && !FIRST_NAMES.has(key)) return false
    if (first && !strong && (PLACES.has(key) || DEMONYMS.has(key))) return false
    return true
  }
  if (FIRST_NAMES.has(key)) return true
  // After "me llamo" a lowercase word is still a name, unless it is an ordinary word.
  return strong && !COMMON.has(key) && !PLACES.has(key) && !DEMONYMS.has(key)
}

function isCapitalised(word: string): boolean {
  const first = word.charAt(0)
  return first !== first.toLowerCase()
}

function fold(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
}

const CONNECTORS = new Set(['de', 'del', 'la', 'las', 'los', 'y'])

const TITLES = new Set(['sr', 'sra', 'srta', 'don', 'dona', 'dr', 'dra', 'ing', 'lic', 'prof', 'senor', 'senora', 'senorita', 'mr', 'mrs', 'ms'])

const STOP = new Set(
  `de del la las los el lo le les un una unos unas y o u e a al en con sin por para que quien quienes cual como cuando donde
  mi mis tu tus su sus yo tu el ella ellos ellas nosotros usted ustedes me te se nos
  muy mas menos tan tambien ya no si ni pero aunque porque pues entonces asi aqui alli alla hoy ayer manana
  este esta esto estos estas ese esa eso esos esas aquel aquella`.split(/\s+/),
)

// Words a capitalised token after "soy" or in a display name may be without being a name.
const COMMON = new Set(
  `hola buenas buenos buen dia dias tardes noches gracias favor porfa saludos bienvenido bienvenida ok vale listo perfecto
  cliente clienta nuevo nueva nuevos nuevas frecuente fiel usuario usuaria comprador compradora vendedor vendedora
  distribuidor distribuidora revendedor revendedora mayorista minorista dueno duena propietario propietaria encargado encargada
  gerente administrador administradora asesor asesora empleado empleada trabajador trabajadora estudiante profesor profesora
  maestro maestra doctor doctora abogado abogada ingeniero ingeniera contador contadora medico medica enfermero enfermera
  mama papa madre padre hijo hija hermano hermana esposo esposa novio novia amigo amiga vecino vecina tio tia primo prima abuelo abuela
  senor senora joven mayor menor grande pequeno pequena alto alta bajo baja feliz contento contenta triste
  mujer hombre chico chica nino nina persona gente familia equipo tienda empresa negocio cliente mamá
  interesado interesada interesados bueno buena malo mala mejor peor igual mismo misma otro otra
  quiero quisiera queria necesito necesitaba tengo tenia estoy estaba busco buscaba vivo vengo voy puedo pude pregunto escribo llamo
  compre compro pague pago pido pedi recibi envie mande tienen tiene hay quedo queda sale cuesta vale
  info informacion precio precios pedido pedidos envio envios producto productos curso cursos talla color
  de del nada todo todos todas algo alguien nadie alguno alguna ninguno ninguna mucho mucha poco poca
  yo tu el ella usted ellos aqui
  catolico catolica cristiano cristiana vegano vegana alergico alergica diabetico diabetica
  fan seguidor seguidora socio socia miembro afiliado afiliada parte uno una dos tres
  yo`.split(/\s+/),
)

// Names that are also words ("color rosa", "la luz", "en paz"): a known name only when capitalised.
const WORDLIKE_NAMES = new Set(
  `rosa luz paz sol mar blanca cruz pilar reyes nieves dulce alegria amparo consuelo esperanza victoria angeles
  leal leon flores campos rivera castillo montes prado rey santos bravo delgado moreno rubio blanco negro gil
  leon lobo rico fuerte vega rios rosas salvador mercedes dolores rocio socorro milagros angel`.split(/\s+/),
)

const PLACES = new Set(
  `colombia mexico espana argentina chile peru venezuela ecuador bolivia paraguay uruguay guatemala honduras salvador
  nicaragua costa rica panama cuba dominicana puerto estados unidos
  bogota medellin cali barranquilla cartagena bucaramanga pereira manizales cucuta ibague santa marta villavicencio pasto
  cdmx df monterrey guadalajara puebla tijuana merida leon queretaro cancun toluca
  madrid barcelona valencia sevilla malaga bilbao zaragoza
  buenos aires cordoba rosario mendoza lima arequipa cusco trujillo quito guayaquil cuenca caracas maracaibo valencia
  la paz sucre cochabamba asuncion montevideo tegucigalpa managua san jose habana miami`.split(/\s+/),
)

const DEMONYMS = new Set(
  `colombiano colombiana mexicano mexicana espanol espanola argentino argentina chileno chilena peruano peruana
  venezolano venezolana ecuatoriano ecuatoriana boliviano boliviana paraguayo paraguaya uruguayo uruguaya
  guatemalteco guatemalteca hondureno hondurena salvadoreno salvadorena nicaraguense costarricense tico tica panameno panamena
  cubano cubana dominicano dominicana puertorriqueno puertorriquena boricua gringo gringa americano americana latino latina
  bogotano bogotana paisa caleno calena costeno costena rolo rola chilango chilanga regio regia tapatio tapatia
  madrileno madrilena porteno portena limeno limena quiteno quitena caraqueno caraquena
  extranjero extranjera`.split(/\s+/),
)

// Lowercase after "soy" these are still names ("soy ana"). Common first names of the region.
const FIRST_NAMES = new Set(
  `ana maria jose juan luis carlos jorge pedro pablo miguel angel andres felipe david daniel diego alejandro alejandra
  fernando fernanda sofia valentina camila isabella mariana gabriela daniela paula laura carolina natalia andrea
  patricia claudia monica sandra diana paola lorena marcela adriana veronica beatriz lucia elena martha marta
  francisco javier manuel antonio rafael ricardo roberto eduardo sergio oscar mario alberto raul hector hugo ivan
  julian julio cesar camilo sebastian santiago mateo nicolas samuel tomas emilio esteban mauricio gustavo enrique
  rodrigo arturo alfonso ramon victor marcos martin lucas joaquin ignacio agustin facundo gonzalo matias franco
  rosa luz pilar carmen dolores mercedes teresa josefina guadalupe lupita rocio silvia gloria ines irene alicia
  juliana catalina antonella florencia micaela agustina milagros ximena jimena renata regina valeria victoria
  ximena yolanda yesenia karen kelly jennifer johanna yuli yuliana leidy erika johana wilson jhon jhonny brayan
  kevin stiven edwin fredy freddy william harold nelson orlando rodolfo gilberto humberto armando ernesto
  cristian christian cristina susana elizabeth margarita angela angelica estefania stefania tatiana viviana liliana`.split(/\s+/),
)
