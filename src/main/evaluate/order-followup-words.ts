// Words about an order already under way — something taken off it, it not received, its total
// asked for — shared by the reply rules and the category, so the two read the same messages alike
// (as undo-words.ts and empty-delivery-words.ts are).

/** Something taken off an order, told to the shop: "quita la cerveza del pedido", "sácame las papas". */
export const TAKEN_OFF_PATTERN = 'quita|quitame|quiten|quitenme|quitale|quitenle|sacame|saquenme el|la|los|las|un|una'
/** Right before the phrase, a clitic makes it tell what something does: "te quita las ganas". */
export const TAKEN_OFF_NOT_AFTER: ReadonlySet<string> = new Set(['me', 'te', 'le', 'nos', 'les', 'se', 'lo', 'la'])

/**
 * Not received: "dice entregado pero no lo recibí", "todavía no lo he recibido", "nunca recibí el
 * producto", "aún no recibo mi pedido" (Mexico's present for "have not yet"). Not "no recibimos
 * efectivo" (a shop's rule) nor "¿no reciben tarjeta?": the present only after "todavía" or "aún".
 */
export const NOT_RECEIVED_PATTERNS: readonly string[] = [
  'no|nunca lo|la|los|las recibi|recibimos|recibio|recibieron',
  'no|nunca lo|la|los|las he|hemos|ha|han recibido',
  'no|nunca recibi|recibimos|recibio|recibieron el|la|los|las|mi|mis|nuestro|nuestra|nada|ningun|ninguna',
  'no|nunca he|hemos|ha|han recibido',
  'todavia|aun no recibo|recibimos|recibe|reciben',
  // Marked as delivered and not here: "el pedido dice entregado y yo sin comida".
  'dice|aparece|figura|sale|marca|pusieron entregado|entregada|entregados|recibido|recibida',
]

/** Overdue: "el gas ya debía llegar hace rato", "ya tendría que haber llegado" — a delivery late, and a complaint. */
export const OVERDUE_PATTERNS: readonly string[] = ['ya debia|debio|deberia|debiera haber? llegar|llegado', 'ya tenia|tendria|tenian|tendrian que haber? llegar|llegado']

/** The total asked for without a question mark: "me das el total", "pásame el total porfa". */
export const TOTAL_ASKED_PATTERNS: readonly string[] = ['me das|pasas|dices|mandas|confirmas el total', 'dame|pasame|dime|mandame|confirmame el total']

/**
 * The receipt asked of the shop: "me mandas el ticket de compra", "dame el recibo" — paperwork, no
 * payment (sent by the customer, "te mando el comprobante", it is one).
 */
export const RECEIPT_ASKED_PATTERNS: readonly string[] = [
  'me|nos mandas|envias|pasas|das|mandan|envian|pasan|dan|manda|envia|pasa|da el|la|un|una|mi ticket|recibo|comprobante|boleta|factura',
  'mandame|enviame|pasame|dame el|la|un|una|mi ticket|recibo|boleta|factura',
  'me|nos puedes|puede|pueden|podrias|podria|podrian mandar|enviar|pasar|dar|reenviar el|la|un|una|mi ticket|recibo|comprobante|boleta|factura',
]
