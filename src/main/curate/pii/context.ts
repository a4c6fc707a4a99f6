// What the words around a number say it is. "mi número es 612345678" is a phone; "pedido
// 612345678", "guía 7700123456789" and "$612.345" are not, whatever their shape.

export type Intro = 'phone' | 'neutral' | 'money' | null

const LOOKBACK = 48
/** An intro further than this from the number is about something else. */
const MAX_GAP = 30

// Bounded quantifiers only: these run on a slice of at most LOOKBACK characters anyway.
const CURRENCY_BEFORE =
  /(?:[$€£¥₡₲₱]|(?<!\p{L})(?:usd|cop|mxn|ars|clp|pen|eur|uyu|pyg|bob|gtq|hnl|crc|dop|ves|nio|pab|bs|gs|s\/|c\$|b\/|rd\$|us\$)\.?)\s{0,2}[+(]?\s{0,1}$/iu

const PHONE_WORDS = [
  String.raw`tel[eé]fonos?`,
  String.raw`tel`,
  String.raw`telf`,
  String.raw`tlf`,
  String.raw`tfno`,
  String.raw`cel`,
  String.raw`celu`,
  String.raw`celular(?:es)?`,
  String.raw`m[oó]vil`,
  String.raw`whats?app`,
  String.raw`whats`,
  String.raw`wasap`,
  String.raw`guasap`,
  String.raw`wsp`,
  String.raw`wpp`,
  String.raw`wa`,
  String.raw`fijo`,
  String.raw`contacto`,
  String.raw`cont[aá]ct(?:ame|eme|enme|arme|arnos)`,
  String.raw`ll[aá]m(?:ame|eme|enme|ar|arme|a|en)`,
  String.raw`m[aá]rc(?:ame|a|ar)`,
  String.raw`escr[ií]b(?:eme|ame|anme|ir|irme|e|enos)`,
  String.raw`ubicarme`,
  String.raw`comun[ií]c(?:ate|arse|arte|ese)`,
  String.raw`(?:mi|tu|su|el|este|ese|otro|al|del)\s(?:n[uú]mero|nro|num)`,
  String.raw`n[uú]mero\sde\s(?:contacto|tel[eé]fono|cel|celular|whats?app|m[oó]vil|fijo)`,
]
const NEUTRAL_WORDS = [
  String.raw`pedidos?`,
  String.raw`[oó]rden(?:es)?`,
  String.raw`order`,
  String.raw`gu[ií]as?`,
  String.raw`seguimiento`,
  String.raw`tracking`,
  String.raw`rastreo`,
  String.raw`facturas?`,
  String.raw`fact`,
  String.raw`boleta`,
  String.raw`tickets?`,
  String.raw`referencias?`,
  String.raw`ref`,
  String.raw`sku`,
  String.raw`c[oó]digos?`,
  String.raw`c[oó]d`,
  String.raw`[ií]tem`,
  String.raw`art[ií]culo`,
  String.raw`modelo`,
  String.raw`serial`,
  String.raw`serie`,
  String.raw`lote`,
  String.raw`radicado`,
  String.raw`comprobante`,
  String.raw`recibo`,
  String.raw`transacci[oó]n`,
  String.raw`operaci[oó]n`,
  String.raw`aprobaci[oó]n`,
  String.raw`autorizaci[oó]n`,
  String.raw`consecutivo`,
  String.raw`cotizaci[oó]n`,
  String.raw`caso`,
  String.raw`reclamo`,
  String.raw`solicitud`,
  String.raw`paquete`,
  String.raw`env[ií]os?`,
  String.raw`tallas?`,
]
// Amount words: they speak for a price, not for "pago con Nequi al 3001234567".
const MONEY_WORDS = [
  String.raw`precios?`,
  String.raw`vale`,
  String.raw`valen`,
  String.raw`cuestan?`,
  String.raw`costos?`,
  String.raw`cost[oó]`,
  String.raw`total`,
  String.raw`subtotal`,
  String.raw`valor`,
  String.raw`pagu[eé]`,
  String.raw`pagos?`,
  String.raw`pagar`,
  String.raw`abon(?:o|[eé])`,
  String.raw`saldo`,
  String.raw`cuotas?`,
  String.raw`descuento`,
  String.raw`monto`,
  String.raw`importe`,
  String.raw`transferencia`,
  String.raw`consignaci[oó]n`,
]

// One alternation, each side in its own group; the last match in the window wins.
const INTROS = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(${PHONE_WORDS.join('|')})|(${NEUTRAL_WORDS.join('|')})|(${MONEY_WORDS.join('|')}))(?![\p{L}])`,
  'giu',
)

/** What the closest word before `start` says the number is (null: nothing near). */
export function introBefore(text: string, start: number): Intro {
  const from = Math.max(0, start - LOOKBACK)
  const window = text.slice(from, start)
  if (CURRENCY_BEFORE.test(window)) return 'neutral'
  INTROS.lastIndex = 0
  let last: RegExpExecArray | null = null
  for (let m = INTROS.exec(window); m !== null; m = INTROS.exec(window)) last = m
  if (last === null) return null
  const end = last.index + last[0].length
  if (window.length - end > MAX_GAP) return null
  const kind: Intro = last[1] !== undefined ? 'phone' : last[2] !== undefined ? 'neutral' : 'money'
  // "pedido 123 y 3001234567": the order word speaks for its own number, not for the next one.
  if (kind !== 'phone' && /\d/.test(window.slice(end))) return null
  return kind
}

// Words that make the number after them a code of the shop, whatever its shape or check digit.
// Narrower than the neutral words: "pago con 4111…" is still a card, "factura: 12.345.678-5" still an id.
const CODE_BEFORE =
  /(?<![\p{L}])(?:sku|c[oó]digo|c[oó]d|ref|referencia|modelo|serial|serie|lote|gu[ií]a|pedido|orden|tracking|seguimiento|rastreo|radicado|ticket)(?![\p{L}])[\s:.#°nroº-]{0,8}$/iu

/** Whether a shop-code word sits right before `start` ("SKU GOMJ850101AB3", "guía 7700123456789"). */
export function codeBefore(text: string, start: number): boolean {
  return CODE_BEFORE.test(text.slice(Math.max(0, start - 24), start))
}

const AFTER =
  /^\s{0,2}(?:pesos?|soles?|euros?|eur|€|d[oó]lar(?:es)?|usd|cop|mxn|ars|clp|pen|uyu|bs|bol[ií]vares|colones|quetzales|lempiras|c[oó]rdobas|balboas|guaran[ií]es|gs|mil|millones|mill|mm|k|lucas|unidades|unid|und|uds|piezas|pzs|cajas|metros|mts|cm|km|kg|gr|gramos|kilos|gb|mb|tb|mah|ml|litros|%|por\s?ciento|veces|d[ií]as|horas|hrs|minutos|min|segundos|a[ñn]os|meses|semanas|cuadras|puntos|pts|pulgadas|cuotas)(?![\p{L}])/iu

/** Whether a unit, a currency or a count word follows the number ("12500000 pesos", "15 unidades"). */
export function unitAfter(text: string, end: number): boolean {
  return AFTER.test(text.slice(end, end + 24))
}
