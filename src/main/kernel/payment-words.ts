// The wallets, banks' apps and transfer systems customers name when they pay, across the region,
// in the normalizer's spelling (folded, one word). One list, so the scorer's payment questions, the
// category's payment topic and the check for "mi nequi" (a wallet held, not a way to pay offered)
// all know the same ones: three copies had drifted (Webpay was a way to pay only to the category;
// OXXO, SPEI, Efecty and PSE were never "held").
//
// Colombia's Nequi, Daviplata, Efecty, PSE and Bancolombia; Peru's Yape and Plin; Mexico's OXXO and
// SPEI; Spain's Bizum; Costa Rica's SINPE; Panama's Yappy; Puerto Rico's ATH Móvil; Cuba's
// Transfermóvil and EnZona; Argentina's Ualá; Chile's MACH, Tenpo, Khipu and Webpay; Venezuela's
// Zinli; Ecuador's Payphone; Central America's and Bolivia's and Paraguay's Tigo Money; the Dominican
// Republic's tPago; Uruguay's Prex; and what works everywhere (PayPal, Zelle, Mercado Pago, Binance).
export const WALLETS: readonly string[] = [
  'nequi', 'daviplata', 'efecty', 'pse', 'bancolombia', 'yape', 'plin', 'oxxo', 'spei', 'bizum', 'sinpe', 'yappy', 'ath',
  'transfermovil', 'enzona', 'uala', 'mach', 'tenpo', 'khipu', 'webpay', 'zinli', 'payphone', 'tigomoney', 'tpago', 'prex',
  'paypal', 'zelle', 'mercadopago', 'binance',
]

/**
 * Ways to pay that are not one word: Tigo Money, and Ecuador's Deuna, which the normalizer reads as
 * "de una" (sure) and writes "dale", so only when accepted ("¿aceptan Deuna?").
 */
export const WALLET_PHRASES: readonly string[] = ['tigo money', 'aceptan|aceptas|acepta|reciben|recibes|recibe|toman|tomas dale']

/** Buy now, pay later: Colombia's Addi and Sistecrédito, Mexico's Kueski and Aplazo. */
export const PAY_LATER: readonly string[] = ['addi', 'sistecredito', 'kueski', 'aplazo']

/**
 * Installments named by how they are paid, as a phrase pattern: "¿se puede en abonos?", "a
 * plazos", "en mensualidades" — not "abono para las plantas" or "los plazos de entrega" alone.
 */
export const INSTALLMENTS = 'en|a|por abonos|plazos|mensualidades|parcialidades'

/**
 * Money itself, as a word in a message: paying, a charge, transferring, the proof and the means. An order
 * that says none of these ("tres bidones, Calle Sarmiento 455") is about getting the goods; one
 * that names the money ("transferido ✅, avísame cuando lo despachen") is past that.
 */
const MONEY_WORDS: ReadonlySet<string> = new Set([
  ...'pago pagos pagar pague pagado pagada pagamos pagaria pagarte pagarle pagarlo pagando pagaste pagare'.split(' '),
  ...'transfiero transferi transferencia transferencias transferido transferida transferir transferirte'.split(' '),
  ...'consigno consigne consignacion consignado consignar consignarte deposite depositado deposito depositar'.split(' '),
  ...'comprobante voucher recibo captura pantallazo efectivo tarjeta datafono link cbu cvu clabe alias plata dinero'.split(' '),
  ...'yapeado yapeo plineado nequeado contraentrega cobro cobraron cobrado cobraste'.split(' '),
  ...WALLETS,
  ...PAY_LATER,
])

/** Whether the words name money: paying, a transfer, its proof or a way to pay. */
export function namesMoney(words: readonly string[]): boolean {
  return words.some((w) => MONEY_WORDS.has(w))
}
