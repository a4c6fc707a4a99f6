// What a customer message is about, for grouping and balancing training examples. The seed
// checked producto, pago, foto, precio, envío in that order with `\b` regexes on raw lowercase
// text, so "quiero pagar" was a product question, "cuánto cuesta el envío" a price question and
// "envío" with its accent never matched at all. Here the topics are checked from the most
// specific to the most generic on canonical tokens:
//
//   proceso_pago > solicitud_foto > consulta_envio > consulta_precio > consulta_producto > general
//
// "¿Cuánto cuesta el envío?" is consulta_envio: the price is the price *of the shipping*, and
// the answer the bot has to learn is about shipping (carrier, zones, cost, days). A price word
// only decides the category when nothing more specific is asked. Payment goes first because
// a customer who says how they will pay is past every other question.

import { CATEGORIES, type Category } from '../../shared/types'
import { EMPTY_DELIVERY_PATTERNS } from './empty-delivery-words'
import { WRONG_DOOR } from './wrong-door-words'
import { analyzeSpanish, asksEitherOr, asksQuestion, namedAsOwned, THING_DETERMINERS, THING_VERBS, type AnalyzedText } from '../kernel/spanish-text'
import { PhraseSet } from '../kernel/phrase-matcher'
import { INSTALLMENTS, PAY_LATER, WALLET_PHRASES, WALLETS } from '../kernel/payment-words'
import { SLOW_ANSWER_PATTERN } from './slow-answer-words'
import { LOVE_PATTERNS, NOT_GOODS } from './not-goods'
import { purchaseCondition } from './purchase-condition'
import { BUYS_A_NEW_ONE_PATTERN, NEVER_PAYING_PATTERN, SHIPPING_PAYER_PATTERN, SOMEONE_ELSES } from './not-a-purchase-words'
import { NOT_RECEIVED_PATTERNS, OVERDUE_PATTERNS, RECEIPT_ASKED_PATTERNS, TAKEN_OFF_NOT_AFTER, TAKEN_OFF_PATTERN, TOTAL_ASKED_PATTERNS } from './order-followup-words'
import { UNDO_ALONE_PATTERN, UNDO_ANYTHING_PATTERN, UNDO_IT_PATTERN, UNDO_PATTERN, UNSUBSCRIBE_PATTERN, WITHDRAW_VERBS } from './undo-words'

export { CATEGORIES }
export type { Category }

/** Where a parcel is left, after "déjamelo en": the door, not a figure. */
const LEFT_AT: ReadonlySet<string> = new Set('porteria recepcion conserjeria garita portal puerta casa la el mi su lobby oficina'.split(' '))

/** The shop as a place to come to. */
const SHOP_PLACES = 'local|tienda|oficina|showroom|sucursal|negocio|almacen|taller|bodega'

/** What a shop has that is not for sale: its parking, its phone, its branches. */
const SHOP_AMENITIES: ReadonlySet<string> = new Set('estacionamiento parqueo parqueadero wifi baño baños whatsap wsp telefono sucursal sucursales oficina oficinas tienda'.split(' '))

interface TopicRule {
  pattern: string
  /** Counts only in a question ("¿tienen?"), since "no hay problema" or "tengo" in a statement is not a topic. */
  questionOnly?: boolean
  /** A wish that a negator cancels: "no lo quiero" or "no voy a comprar nada" is not about paying. */
  negatable?: boolean
  /** Words that, right after the phrase, make it ask rather than order ("quiero una cotización"). */
  notBefore?: ReadonlySet<string>
  /** A wish that an "if" just before makes hypothetical: "¿me haces precio si te compro por mayor?". */
  conditional?: boolean
  /** Part of paying, but no commitment to pay: the invoice ("¿dan factura?"). */
  paperwork?: boolean
  /** A way to pay the customer already holds, told about, is paperwork too: "el bloqueo de mi tarjeta" (not "¿aceptan mi tarjeta?"). */
  ownedIsPaperwork?: boolean
}

/** Words after "abono" that make it fertilizer, not a deposit. */
const FERTILIZER_AFTER: ReadonlySet<string> = new Set('para organico organica foliar natural liquido granulado casero triple npk compost'.split(' '))

const TOPICS: Record<Exclude<Category, 'general'>, TopicRule[]> = {
  proceso_pago: [
    { pattern: 'pago|pagar|pagos|pagarlo|pague|pagarle|pagarte|pagaria' },
    { pattern: 'como|donde se? paga|pagan|pagamos|pago' },
    // A deposit that sets an item aside: "¿se puede apartar con un abono?", "¿cuánto de anticipo?".
    { pattern: 'anticipo|adelanto|enganche|apartado|seña', negatable: true },
    // Not the garden shop's: "¿tienen abono para plantas?", "abono orgánico".
    { pattern: 'abono', negatable: true, notBefore: FERTILIZER_AFTER },
    { pattern: 'apartar|separar|reservar|guardar|apartarlo|separarlo|apartarla|separarla|apartarme|separarme|reservarme|guardarme|apartarmelo|separarmelo|guardarmelo', negatable: true },
    { pattern: 'link' },
    { pattern: 'comprar|comprarlo|comprarla|comprarlos|compro|compra|adquirir|adquirirlo|adquiero', negatable: true, conditional: true },
    { pattern: 'me lo|la? apartas|separas|reservas|guardas|apartan|separan|reservan|aparta|separa|reserva|guarda', negatable: true },
    { pattern: 'envie|mande|transferi|gire la|el? plata|platica|dinero' },
    { pattern: 'comprobante|recibo fiscal|electronico', paperwork: true },
    { pattern: ['cheque', 'cheques', 'datafono', 'datafonos', 'posnet', 'tarjeta', 'contraentrega', 'transferencia', 'consignacion', 'cuotas', 'comprobante', 'voucher', ...WALLETS].join('|'), ownedIsPaperwork: true },
    { pattern: 'transfiero|transferi|consigno|consigne|consignar|consignarle|consignarte|deposito|deposite' },
    { pattern: 'numero de cuenta' },
    // Charged twice is trouble with the payment: "me cobraron dos veces", "cobro duplicado".
    { pattern: 'cobraron|cobro|cobraste|cobran|cobrado dos veces|doble|duplicado' },
    // The kind of account to pay into: "¿tienen cuenta de ahorros o corriente?", "¿cuenta RUT?".
    { pattern: 'cuenta de ahorros|ahorro' },
    { pattern: 'cuenta corriente|vista|rut' },
    // "¿cuenta del Banco Pichincha o Produbanco?", "¿tienen cuenta bancaria?"; asked, not "mi cuenta del banco".
    { pattern: 'cuenta bancaria', questionOnly: true },
    { pattern: 'cuenta del|de banco', questionOnly: true },
    // The proof of a payment sent, not a picture asked for: "ya te mandé la captura".
    { pattern: 'te|le|les|ya mande|envie|pase|adjunte|envio|mando|paso|adjunto la|el captura|pantallazo|recibo|voucher' },
    { pattern: 'captura|pantallazo|foto del|de la? pago|transferencia|consignacion|deposito' },
    { pattern: 'cuenta|numero para|de depositar|depositarte|depositarle|transferir|transferirte|consignar|consignarte|pagar|pagarte' },
    // A web shop's words for an order in progress.
    { pattern: 'carrito|checkout' },
    // The bill and the booking are part of buying: "¿me hacen factura?", "quisiera hacer una reserva".
    { pattern: 'factura|facturacion|facturar|facturan|facturen|facturas|boleta|boletas|rfc|cuit|nit|ruc|rut', paperwork: true },
    // The receipt asked of the shop: "me mandas el ticket de compra", "dame el recibo".
    { pattern: 'ticket|recibo|comprobante de compra', paperwork: true },
    ...RECEIPT_ASKED_PATTERNS.map((pattern) => ({ pattern, paperwork: true })),
    { pattern: 'reserva|reservar|reservacion|reservo|reservarme', negatable: true },
    // Booking a service is buying it: "quiero agendar una cita", "¿me agendas para el viernes?".
    // Not the notebook: "¿me muestras las agendas 2025?"; "agenda" and "agendas" book only with a
    // pronoun ("¿me agendas para el viernes?") or an appointment named (below).
    { pattern: 'agendar|agendarme|agendame|agendeme|agendan|agendo|agende|agendamos|agendarias|agendaria', negatable: true },
    { pattern: 'me|nos|le agenda|agendas|agendan', negatable: true },
    // Put on the list: "¿me anotás para corte y tintura el sábado?", "me apuntas para la clase".
    { pattern: 'me|nos|le anotas|anota|anotan|apuntas|apunta|apuntan para', negatable: true },
    { pattern: 'agenda|agendas|agendanos el|la|una|un|mi? instalacion|visita|sesion|consulta|clase|reunion|revision|limpieza|mantenimiento|servicio|entrega|evaluacion|valoracion', negatable: true },
    { pattern: 'sacar|pedir|separar una cita|turno', negatable: true },
    { pattern: 'apartalo|apartala|apartalos|separalo|separala|separalos|reservalo|reservala|guardalo|guardala|guardamelo|guardamela', negatable: true },
    { pattern: 'anotame|apuntame|anoteme|apunteme|anotanos|apuntanos', negatable: true },
    { pattern: 'finalizar|terminar|completar|confirmar la|mi compra|pedido|orden' },
    { pattern: 'pasame|pasas|mandame|mandas|dame|das|enviame|envias el|la|los|tu|su? cuenta|datos|alias|cbu|cvu|clabe' },
    { pattern: 'cbu|cvu|clabe' },
    { pattern: 'me lo? llevo', negatable: true, notBefore: new Set(['menos']) },
    // Not what someone else had: "yo me quedo con su cuarto".
    { pattern: 'me quedo con', negatable: true, notBefore: SOMEONE_ELSES },
    { pattern: 'me|nos lo|la|los|las quedo|quedamos', negatable: true },
    { pattern: 'lo quiero|pido|aparto|separo|encargo', negatable: true },
    { pattern: 'quiero|pido 1|2|3|4|5|uno|una|dos|tres|cuatro|cinco|ese|esa', negatable: true, notBefore: NOT_GOODS },
    { pattern: 'pedir|pedirlo|pedido|ordenar|inscribirme|inscribo|inscripcion|matricula|separamelo|apartamelo|apartame|separame|reservamelo', negatable: true },
    { pattern: 'metodo|metodos|medios de pago' },
    // Payment words from across the Spanish-speaking shops, not only Colombia's.
    { pattern: 'efectivo|transbank|redcompra|pagomovil|msi|qr|screenshot' },
    { pattern: PAY_LATER.join('|') },
    ...WALLET_PHRASES.map((pattern) => ({ pattern })),
    // An appointment asked for is a service booked: "quiero sacar turno", "¿me agenda una cita?", "pedir hora".
    { pattern: 'sacar|pedir|separar|hacer|reservar|apartar|agendar|dar|darme|dame|quiero|quisiera|necesito|deseo|separa|separas|guarda|guardas|agenda|agendas|aparta|apartas|reserva|reservas una|un|la|mi? cita|turno', negatable: true },
    { pattern: 'pedir|reservar|sacar|agendar|agenda|agendas hora', negatable: true },
    { pattern: 'me|nos aparta|separa|reserva|guarda|apartas|separas|reservas|guardas el|la|los|las|un|una|lo', negatable: true },
    { pattern: 'pago movil' },
    // Plural, only when accepted and asked: "¿aceptan transferencias?" (not "tarjetas de presentación",
    // nor a review's "aceptan tarjetas de crédito").
    { pattern: 'aceptan|aceptas|acepta|reciben|recibes|recibe|toman|tomas|toma tarjetas|transferencias|consignaciones', negatable: true, questionOnly: true },
    // Other currencies and coins: "¿aceptan dólares?".
    { pattern: 'aceptan|aceptas|acepta|reciben|recibes|recibe dolares|dolar|euros|bitcoin|cripto|criptomonedas|usdt|divisas|bolivares|bs|soles|pesos|fula|fulas|mlc|verdes|bolos' },
    { pattern: 'mercado pago' },
    { pattern: 'meses sin intereses' },
    { pattern: INSTALLMENTS },
  ],
  solicitud_foto: [
    // "una fotografía de la etiqueta" (not "el curso de fotografía").
    { pattern: 'una|la|las|unas|alguna|algunas|otra|otras fotografia|fotografias' },
    { pattern: 'foto|fotos|fotico|foticos|fotito|fotitos|imagen|imagenes|video|videos|pic|pics|captura|videito|videitos|videollamada' },
    // "¿Podrían enviarme fotografías del uniforme?" (not "el curso de fotografía").
    { pattern: 'enviarme|mandarme|pasarme|enviame|mandame|pasame|enviar|mandar|tienes|tienen|hay fotografia|fotografias' },
    // Seeing it for real: "¿se puede ver en persona?", "¿puedo pasar a verlo?", "¿puedo verlo funcionando?".
    { pattern: 'ver|verlo|verla|verlos en persona|vivo|fisico' },
    { pattern: 'pasar|ir|paso a verlo|verla|verlos|verlas|ver' },
    // "voy a verlo" goes to see it; "voy a ver y te aviso" thinks it over.
    { pattern: 'voy a verlo|verla|verlos|verlas' },
    { pattern: 'verlo|verla|verlos|verlas funcionando|andando|prendido|prendida|encendido|encendida' },
    // Closer: "¿me mandas otra más de cerca?", "quiero verlo de más cerca".
    { pattern: 'mas de cerca' },
    { pattern: 'de mas cerca' },
    // With the shop named between: "¿puedo pasar por la tienda a verlo antes de comprar?".
    { pattern: 'pasar|ir|venir|paso|voy por el|la local|tienda|negocio|almacen a verlo|verla|verlos|verlas' },
    { pattern: 'como se ve|ven' },
    { pattern: 'muestrame|muestra|muestras|muestre|muestren|mostrar|mostrarme|mostrarlo|mostrarla|muestran|enseñame|enseñas|enseñan|mostras|mostrarias' },
    { pattern: 'ver como es|son|luce|lucen|queda|quedan' },
    // Wanting to see the thing itself is asking for a picture on WhatsApp: "quiero verlo", "¿se puede ver?".
    { pattern: 'quiero|quisiera|puedo|podria|deseo verlo|verla|verlos|verlas' },
    { pattern: 'se puede|pueden|podria ver|verlo|verla $' },
    { pattern: 'ver el|la|los|las? producto|productos|modelo|modelos|articulo|articulos|diseño|diseños' },
  ],
  consulta_envio: [
    { pattern: 'envio|envios|domicilio|domicilios|domi|entrega|entregas|entregan|entregar|entregarian|despacho|despachos|despachar|despachan|transportadora|servientrega|interrapidisimo|coordinadora|encomienda|flete' },
    { pattern: 'envian|envias|enviar|enviarlo|enviarmelo|mandan|mandarlo|mandarmelo|enviamelo|mandamelo|enviamela|mandamela|traemelo|llevamelo|envien|llevan|traen|traes|despachan a|hasta|al|hoy|mañana|por' },
    // Where they deliver: "¿qué zonas cubren?", "¿a qué barrios reparten?".
    { pattern: 'zonas|zona|areas|sectores|barrios|comunas|colonias cubren|cubre|abarcan|reparten|entregan' },
    // Business days are how long a delivery takes: "¿cuántos días hábiles?".
    { pattern: 'dias|dia habiles|habil' },
    // Whether they send it, the thing named between: "¿envían libros a Arequipa?".
    { pattern: 'envian|envias|envien|despachan|despachas', questionOnly: true },
    // Whether they send it: "¿me lo envías?", "¿nos las traen?".
    { pattern: 'me|nos lo|la|los|las envias|envian|mandas|mandan|traes|traen|llevas|llevan' },
    { pattern: 'recoger|recogerlo|recojo|retirar|retirarlo|retiro|pasar por|en? la|el? tienda|local|oficina|punto|sucursal|sucursales' },
    { pattern: 'a domicilio' },
    // The service comes to the customer: "¿vienen a la casa?", "¿pasan a recogerme al aeropuerto?".
    { pattern: 'vienen|viene|venir|van|pasan|pasa|ir|llegan a|hasta la|mi|su? casa|hotel|aeropuerto|oficina|trabajo|apartamento|depa|departamento|domicilio' },
    { pattern: 'recogerme|recogernos|buscarme|buscarnos' },
    { pattern: 'donde|cuando|como|puedo retiro|recojo|retirar|recoger|retirarlo|recogerlo' },
    // Coming for it, asked: "¿puedo pasar a retirar?" (said as a plan, "paso a recogerlo hoy" is an order).
    { pattern: 'pasar|paso|pasamos|ir|voy a retirar|recoger|buscar|retirarlo|recogerlo|buscarlo|retirarla|recogerla', questionOnly: true },
    // Whether it has been sent: "¿ya despacharon?", "¿ya fue enviado?".
    { pattern: 'ya despacharon|despacho|despachaste|enviaron|enviaste|mandaron|mandaste|salio|salieron|enviado|enviada|despachado|despachada', questionOnly: true },
    // The cost or the way of sending: "¿cuánto sale mandar a Córdoba?".
    { pattern: 'mandar|enviar|mandarlo|enviarlo|mandarla|enviarla|mandarlos|enviarlos a|hasta|para' },
    // Carriers across the region (Colombia's are in the first rule), in the normalizer's spelling:
    // it folds a doubled last letter, so Chilexpress is "chilexpres".
    { pattern: 'andreani|estafeta|dhl|fedex|chilexpres|starken|olva|shalom|mrw|seur|nacex|paquetexpres|tcc|deprisa' },
    { pattern: 'correo argentino' },
    // The cost of sending it: "cuánto sale mandar el sofá a Surco" (the price asked is the shipping's).
    // (The normalizer reads "cuánto sale" and "cuánto cuesta" as "precio".)
    { pattern: 'precio|cobran|cobras|saldria|costaria mandar|enviar|mandarlo|enviarlo|mandarla|enviarla' },
    // Coming for it, as a chat asks without a question mark: "puedo pasar a recoger".
    { pattern: 'puedo|podemos|podria pasar|ir a recoger|retirar|buscar|recogerlo|retirarlo|buscarlo|recogerla|retirarla|buscarla' },
    { pattern: 'se puede pasar|ir a recoger|retirar|buscar|recogerlo|retirarlo|buscarlo|recogerla|retirarla|buscarla' },
    // "¿lo puedo buscar en el local?": coming for it, with the thing before the verb.
    { pattern: 'lo|la|los|las puedo|podemos|podria|podriamos retirar|recoger', questionOnly: true },
    // When it is sent, asked: "¿lo mandas mañana?", "¿me lo envían hoy?".
    { pattern: 'lo|la|los|las mandas|mandan|envias|envian|despachas|despachan hoy|mañana|ahora|ahorita|temprano', questionOnly: true },
    { pattern: 'lo|la|los|las puedo|podemos|podria|podriamos buscar en|al el|la? local|tienda|sucursal|negocio|almacen|oficina', questionOnly: true },
    // Sent with a delivery app or a courier: "¿me lo pueden mandar por Rappi?", "¿lo mandan en Uber?".
    { pattern: 'por|en|con rappi|pedidosya|didi|uber|ubereats|glovo|cabify|indrive|picap|mensajero|mensajeria|encomienda|cadete|cadeteria' },
    { pattern: 'mercado envios' },
    { pattern: 'llega|llegan|llegar|llegaria|llegarian|llegue|llego a|hasta|en|el|mañana|hoy|rapido|antes|para' },
    { pattern: 'cuantos|cuanto dias|horas|tiempo me|nos|te|le|les|lo|la|se? llega|llegan|llegaria|demora|demoran|tarda|tardan|demoraria|tardaria' },
    { pattern: 'cuando me? llega|llegaria|llegue|llego' },
    { pattern: 'se? demora|demoran|tarda|tardan|demoraria|tardaria' },
    { pattern: 'no me llego|llega|ha llegado' },
    // On its way: "¿ya viene en camino?", "¿mi pedido ya está en camino?".
    { pattern: 'en camino' },
    { pattern: 'dejas|deja|dejan|dejen|dejar|dejarlo|dejarla|dejarian|dejaria en porteria|recepcion|conserjeria|garita|portal|puerta' },
    // Who is home to receive it: "y si no estoy en casa, ¿qué pasa?", "mañana no puedo recibir".
    { pattern: 'no estoy|estare|estaremos|estamos en casa' },
    { pattern: 'no voy a estar en casa' },
    { pattern: 'puedo|podre|pueda|puede|podra|poder recibir|recibirlo|recibirla|recibirlos|recibirlas' },
    // When it was promised or how long it takes: "dijeron que llegaba el martes", "¿3 semanas para llegar?".
    { pattern: 'que llegaba|llegaban|llegaria|llegarian' },
    { pattern: 'dias|semanas|meses|horas para|en llegar|entregar|entregarlo|entregarla' },
    { pattern: 'cobertura|recogida|traslado|traslados|delivery|reparto|reparten|repartidor|repartidores|domiciliario|domiciliarios|mensajero|courier|paqueteria|mensajeria|motorizado|guia|expres|internacional|internacionales|exterior|extranjero' },
    // Where the shop is, to come for it: "¿dónde están ubicados?", "¿dónde queda su showroom?",
    // "¿tienen local o es solo online?", "me mandan la ubicación", "¿cómo llego a la tienda?" —
    // as coming to the shop is (it had been general; what is left, "¿quedan?", is the goods').
    { pattern: 'donde|adonde estan|esta ubicados|ubicadas|ubicado|ubicada' },
    { pattern: 'donde|adonde queda|quedan' },
    { pattern: 'queda|quedan lejos|cerca' },
    { pattern: `${SHOP_PLACES} queda|quedan|donde|adonde` },
    { pattern: `queda|quedan|esta|estan el|la|su|tu|los|las ${SHOP_PLACES}|locales|tiendas|oficinas` },
    { pattern: 'como llego|llegamos|llegar|llego' },
    // Not what it sells: "¿tienen tienda física?", "¿hay showroom?".
    { pattern: `tienen|tienes|tiene|hay ${SHOP_PLACES}|sucursales|oficinas|sede|sedes|punto|exhibicion|exhibidor` },
    { pattern: `ir|pasar|voy|paso al|a la? ${SHOP_PLACES}`, questionOnly: true },
    { pattern: 'ubicacion' },
  ],
  consulta_precio: [
    { pattern: 'precio|precios|valor|valores|costo|costos|cuesta|cuestan|tarifa|descuento|descuentos|promocion|promociones|oferta|ofertas|rebaja' },
    // The sales days: "vi que tenían black friday, ¿todavía aplica?", "¿qué tienen para el Buen Fin?".
    { pattern: 'black friday' },
    { pattern: 'cyber monday|day' },
    { pattern: 'cyberday|cybermonday|hotsale' },
    { pattern: 'hot sale' },
    { pattern: 'buen fin' },
    { pattern: 'caro|cara|caros|caras|carisimo|carisima|carito|carita|carero|carera|costoso|costosa|barato|barata|baratos|economico|economica|plata|dinero|billete|presupuesto' },
    { pattern: 'cuanto $' },
    // A unit's price with the verb left out: "¿cuánto el par?", "cuánto la docena".
    { pattern: 'cuanto el|la|los|las' },
    { pattern: 'en cuanto' },
    { pattern: 'a cuanto' },
    { pattern: 'promo|promos|cotizar|cotizacion|cotizaciones|cotizame|cotizas|mayoreo' },
    // Sales and deals: "¿el 2x1 sigue vigente?", "30% off", "¿alguna ofertica?", "¿está en liquidación?".
    { pattern: '2x1|3x2|off|ofertica|oferticas|oferton|liquidacion|remate|outlet|rebajado|rebajada|rebajados|descuentazo|cupon|cupones' },
    // Haggling: "¿me haces un descuentito?", "rebájale algo".
    { pattern: 'descuentito|rebajita|rebajas|rebajame|rebajale|rebajar|rebajan|rebajarme|descontar|descuentan|descuentas|regateo' },
    { pattern: 'por mayor' },
    // Offers, trade-ins and the currency: "te ofrezco 15 mil", "¿acepta permuta?", "¿son bolos o dólares?".
    { pattern: 'ofrezco|ofrecemos|contraoferta|permuta|permutas|trueque|regateo' },
    // "¿está a 180 mil o es negociable?"; "¿cuánto todo junto?".
    { pattern: 'negociable|negociables|negociar|negociamos|negociarlo' },
    { pattern: 'cuanto todo|todito' },
    { pattern: 'happy hour' },
    { pattern: 'te|le doy|pago la mitad' },
    { pattern: 'cuanto por' },
    { pattern: 'pesos|soles|dolares|euros|bolos|bolivares|lucas|luca|quetzales|lempiras|colones|cordobas|guaranies', questionOnly: true },
    // Money in the region's slang, asked: "¿cuánto pisto es?", "¿cuántos chavos son?", "¿cuántos varos?".
    { pattern: 'pisto|chavos|varos|reales|fulas|verdes|pesitos|cobres|billete|plata', questionOnly: true },
    // Mexico's money, not the wool: "¿la chompa es de lana de alpaca?".
    { pattern: 'lana', questionOnly: true, notBefore: new Set(['de', 'merino', 'virgen', 'sintetica', 'natural', 'pura']) },
    // Something extra thrown in is a deal: "¿me das yapa si llevo dos?".
    { pattern: 'yapa|yapita|ñapa|ñapita|pilon|encime' },
    // Haggling over a figure: "¿me lo dejas en 20?", "si me lo dejáis en 40 pavos…".
    // Not a place to leave it: "¿me lo dejan en portería si no estoy?" is about the delivery.
    { pattern: 'me|nos|lo|la|los|las|se dejas|deja|dejan|dejarias|dejaria|dejarian|dejes|deje en|a', notBefore: LEFT_AT },
    { pattern: 'cuanto esta|estan|sale|salen|cobra|cobran|cobras|vale|valen|seria|serian|queda|quedaria' },
    { pattern: 'cuanto me|nos|le|te cobran|cobras|cobra|cobrarian|cobraria|sale|sales|saldria|cuesta|costaria|vale|valdria|deja|dejas|dejan|dejarias|dejaria' },
    { pattern: 'a como', questionOnly: true },
    { pattern: 'a como $' },
    { pattern: 'total', questionOnly: true },
    // The total asked for without a mark: "me das el total", "pásame el total porfa".
    ...TOTAL_ASKED_PATTERNS.map((pattern) => ({ pattern })),
  ],
  consulta_producto: [
    // The favourite asked for: "¿cuál es el más vendido?", "lo más pedido".
    { pattern: 'el|la|los|las|lo mas vendido|vendida|vendidos|vendidas|popular|populares|solicitado|solicitada|solicitados|pedido|pedida|pedidos|pedidas' },
    { pattern: 'busco|buscaba|buscando|necesito|necesitaria|recomienda|recomiendas|recomiendan|recomiendame|recomiendeme|recomendame|recomendarias|recomendacion|aconsejas|aconseja|aconsejan|aconsejarias|aconsejame|aconsejeme|aconsejenme', negatable: true },
    // Which one to take: "¿cuál es mejor, el Xiaomi o el Samsung?", "qué broca me conviene".
    { pattern: 'cual|cuales es|son|seria|serian|sera mejor|mejores' },
    { pattern: 'me|nos conviene|convendria', questionOnly: true },
    { pattern: 'quiero el|la|los|las|un|una|mas|saber|ver|informacion', negatable: true },
    // Not the shop's own amenities: "¿tienen estacionamiento?", "¿tienen WhatsApp de la sucursal?".
    { pattern: 'tienen|tienes|tiene|hay|venden|vendes|manejan|manejas|traen|consigo', questionOnly: true, notBefore: SHOP_AMENITIES },
    // A service asked for: "¿arreglan cierres de chamarra?", "imprimen en tazas".
    { pattern: 'arreglan|arreglas|reparan|reparas|cosen|coses|imprimen|imprimes|confeccionan|fabrican|instalan|graban|grabas|personalizan|personalizas', questionOnly: true },
    // Asked with courtesy: "¿Tendrá usted Losartán de 50?".
    { pattern: 'tendra|tendran|tendria|tendrian|tendras', questionOnly: true },
    // The services a shop offers and what they ask of a customer: "¿qué servicios ofrecen?", "¿qué requisitos piden?".
    { pattern: 'servicio|servicios ofrecen|ofreces|tienen|prestan|hacen|manejan|brindan|dan' },
    { pattern: 'requisitos|requisito' },
    // A prescription, asked about or sent: "¿piden receta para el clonazepam?", "¿aceptan receta digital?".
    { pattern: 'receta|recetas|prescripcion' },
    { pattern: 'edad minima|maxima' },
    // Asked in a roundabout way: "quería saber si tienen el cartucho 64", "pregunto si la pintura es lavable".
    { pattern: 'saber|preguntar|pregunto|consultar|consulto si tienen|tienes|tiene|hay|venden|vendes|manejan|manejas|traen|queda|quedan|es|son|sirve|sirven|funciona|incluye|trae|viene|vienen' },
    // "¿cuentan con loratadina?": having it, in formal words.
    { pattern: 'cuentan|cuenta|cuentas|contamos con', questionOnly: true },
    // Services asked for: "¿hacen uñas acrílicas?", "¿realizan mantenimiento?".
    { pattern: 'hacen|haces|realizan|realizas', questionOnly: true },
    { pattern: 'otro|otra|otros|otras', questionOnly: true },
    { pattern: 'informacion|detalles|caracteristicas|especificaciones|garantia|incluye|incluyen|certificado|certificacion|original|originales|disponible|disponibles|stock|existencia|modelo|modelos|color|colores|tono|tonos|talla|tallas|marca|compatible|diferencian|diferencia|duracion|dura|capacidad|bateria|resistente|resistentes|impermeable|impermeables|sumergible|clases|modulos|lecciones|temario|tamaño|medidas|peso|material|tela|telas|tejido|algodon|cuero|poliester' },
    // Size, weight, age, condition and quality: "¿cuánto mide?", "¿para qué edad es?", "¿es nuevo?".
    { pattern: 'mide|miden|pesa|pesan|calidad|unidades|existencias|edades' },
    // Fit, measures, specs and what comes in the box: "¿horma grande o chica?", "¿de cuántos watts?".
    { pattern: 'horma|talle|talles|largo|ancho|alto|numero|watts|voltaje|voltios|apta|apto|replica|manual|fallado|fallada|agoto|agotaron|agotado|agotada|agotados|agotadas' , questionOnly: true },
    { pattern: 'viene|vienen en|con' , questionOnly: true },
    { pattern: 'queda|quedan alguno|alguna|algunos|algunas|mas' , questionOnly: true },
    // What is left, the thing named: "¿quedan conchas?", "¿queda pan de ayer?".
    { pattern: 'quedan|queda', questionOnly: true },
    { pattern: 'que mas tienen|tienes|hay|venden|vendes|manejan|ofrecen' },
    // Portions, rentals, what it comes with: "¿de cuántas rebanadas?", "¿alquilan carpas?", "¿qué trae el desayuno?".
    { pattern: 'cuantas|cuantos rebanadas|porciones|personas|pisos|piezas' },
    { pattern: 'alquilan|rentan|arriendan|alquilas|rentas|arriendas|alquila|renta|arrienda', questionOnly: true },
    { pattern: 'lleva|llevan|trae|traen', questionOnly: true },
    // Compatibility, capacity and condition: "¿funciona con 220V?", "¿le queda a un Corolla?", "¿es de 128 GB?".
    { pattern: 'funciona|funcionan|sirve|sirven|anda|andan con|para|en|al|a', questionOnly: true },
    { pattern: 'le|les queda|quedan a|al|para', questionOnly: true },
    // Which suits: "¿cuál le va mejor?", "¿cuál me queda?" (not "¿cómo le va?", a greeting).
    { pattern: 'cual|cuales le|les|me|te va|van|iria|irian|queda|quedan|quedaria', questionOnly: true },
    { pattern: 'liberado|liberada|dual|gb|rodado|estrenar|segunda|reacondicionado|reacondicionada|watts|pulgadas' },
    { pattern: 'es|son de|para', questionOnly: true },
    { pattern: 'se puede|pueden usar|lavar|meter|poner|planchar en|con' },
    { pattern: 'de que|cuanto largo|ancho|alto|grosor|largo|material|tela' },
    // A colour asked for is the product's: "¿lo tienen en azul?".
    { pattern: 'azul|rojo|roja|negro|negra|blanco|blanca|verde|rosado|rosada|rosa|gris|morado|morada|amarillo|amarilla|beige|dorado|dorada|plateado|plateada|cafe|marron|celeste|fucsia|lila|naranja' },
    { pattern: 'para que|cual edad' },
    { pattern: 'de que|cual|cuanta edad' },
    { pattern: 'es|son|esta|estan|viene|vienen nuevo|nueva|nuevos|nuevas|usado|usada|usados|usadas|seminuevo|seminueva|sellado|sellada|original|originales|generico|generica' },
    // Made to order and back in stock: "¿hacen pedidos personalizados?", "¿cuándo vuelven a tener?".
    { pattern: 'personalizado|personalizada|personalizados|personalizadas|personalizar|personalizan' },
    { pattern: 'a medida' },
    { pattern: 'por encargo' },
    { pattern: 'vuelven|vuelve|volveran|volvera a tener|llegar|entrar|traer' },
    { pattern: 'como funciona|funcionan' },
    { pattern: 'sirve|sirven para' },
    // "es apto para veganos", "¿apta para diabéticos?".
    { pattern: 'apto|apta|aptos|aptas para' },
    { pattern: 'para que sirve|sirven|es|son' },
    { pattern: 'como se usa|usan|instala|instalan|arma|arman|lava|lavan|aplica|aplican|conecta|conectan|prende' },
    // What is left in stock: "¿les queda?", "¿todavía tienen?".
    { pattern: 'les queda|quedan' },
    { pattern: 'todavia|aun tienen|tienes|hay|queda|quedan|venden|manejan' },
    { pattern: 'de que se? trata' },
    { pattern: 'cuentame|explicame|explicas|explica|dime mas?' },
    { pattern: 'menu|carta|catalogo|catalogos|sabores|sabor|ingredientes' },
    // What the shop sells, asked in general: "¿qué productos tienen?", "¿qué venden?".
    { pattern: 'producto|productos|articulo|articulos|marcas|referencias|mercancia|mercaderia' },
    { pattern: 'que|cuales tipos|tipo|variedades|variedad|opciones|modelos|estilos de?' },
    { pattern: 'que venden|vendes|ofrecen|ofreces|manejan|manejas|trabajan|tienen|tienes|hay' },
    { pattern: 'curso|cursos|audifonos|reloj|relojes|smartwatch|parlante|parlantes|cargador|cargadores|celular|celulares|megapack|combo|cable|mouse|teclado|camara|camaras|proyector|lampara|bafle|diadema|powerbank|tablet|memoria' },
    { pattern: 'excel|ingles|piano|guitarra|marketing|fotografia|diseño|programacion|office|word|photoshop|canva|ia' },
    { pattern: 'virtual|presencial|certificado|principiantes|avanzado|basico|intermedio' },
    // Interest in a thing named: "buenos días, me interesa un sofá" (buying it is paying: "me interesa comprarlo").
    { pattern: 'me|nos interesa|interesan|interesaria un|una|unos|unas|el|la|los|las|este|esta|ese|esa', notBefore: NOT_GOODS },
  ],
}

const ORDER: readonly Exclude<Category, 'general'>[] = ['proceso_pago', 'solicitud_foto', 'consulta_envio', 'consulta_precio', 'consulta_producto']

/**
 * A failed, late or awaited delivery is about shipping even when the customer says they paid ("no
 * me llegó nada y ya pagué", "el pedido nunca llegó", "llevo una hora esperando"): checked before
 * the payment words, and a sale in the same message does not move it.
 */
const DELIVERY_FAILURE = new PhraseSet(
  [
    'no|nunca me|nos? ha|han? llego|llegado|llegaron|llega|llegan',
    'sin llegar',
    'no recibi|recibimos|recibio|recibieron nada|el|mi|la|los|mis? pedido|paquete|producto|compra|nada',
    'no he|hemos|ha|han recibido nada|el|mi|la|los|mis? pedido|paquete|producto|compra|nada',
    // "dice entregado pero no lo recibí".
    ...NOT_RECEIVED_PATTERNS,
    // Ordered and nothing came: "hace una hora pedí y nada", "los pedí hace una semana y nada".
    'hace|desde una|un|media|dos|tres|cuatro|cinco|1|2|3|4|5|10|15|20|30 hora|horas|dia|dias|semana|semanas|mes|meses y nada',
    'pedi|pedimos|ordene|ordenamos|pague|pagamos y nada',
    // Late: "otra vez llega tarde", "el pedido llegó atrasado".
    'llego|llegaron|llega|llegan|vino|viene tarde|atrasado|atrasada|retrasado|retrasada',
    // "llegó media hora tarde", "vino dos horas tarde".
    'llego|llegaron|vino|vinieron media|una|dos|tres|1|2|3 hora|horas|dia|dias|semana|semanas tarde',
    'esperando|espero|esperamos mi|el|la pedido|paquete|orden|compra|envio',
    // Still waiting for it: "hace 3 días que espero y nada", "llevo una hora esperando".
    'espero|esperando|esperamos y nada',
    'todavia|aun nada $',
    'llevo|llevamos|tengo|tenemos|van una|un|media|1|2|3|4|5|10|15|20|30|40|45|dos|tres|cuatro|cinco|mas|casi hora|horas|dia|dias|semana|semanas|minutos|rato|mes|meses esperando $',
    'llevo|llevamos|tengo|tenemos|van una|un|media|1|2|3|4|5|10|15|20|30|40|45|dos|tres|cuatro|cinco|mas|casi hora|horas|dia|dias|semana|semanas|minutos|rato|mes|meses esperando y nada',
    'llevo|llevamos|tengo|tenemos|van una|un|media|1|2|3|4|5|10|15|20|30|40|45|dos|tres|cuatro|cinco|mas|casi hora|horas|dia|dias|semana|semanas|minutos|rato|mes|meses esperando mi|el|la|mis|los|las|nuestro|nuestra pedido|paquete|orden|compra|envio|comida|pedidos|paquetes|encargo',
    // Waiting for a thing named: "llevo una hora esperando la pizza" (not "…esperando respuesta").
    'llevo|llevamos|tengo|tenemos|van una|un|media|1|2|3|4|5|10|15|20|30|40|45|dos|tres|cuatro|cinco|mas|casi hora|horas|dia|dias|semana|semanas|minutos|rato|mes|meses esperando el|la|los|las',
    ...OVERDUE_PATTERNS,
    // Never came: "el de las luces nunca vino".
    'nunca vino|vinieron|aparecio|aparecieron|llegaron',
    'se demoraron|tardaron|demoro|tardo|demoraste|tardaste demasiado|mucho|muchisimo $',
    // Came empty or short: "el paquete vino vacío", "el pedido llegó incompleto".
    ...EMPTY_DELIVERY_PATTERNS,
    // Left somewhere else: "llegó a la dirección equivocada".
    'direccion|casa|domicilio equivocada|equivocado|incorrecta|incorrecto|errada|errado',
    ...WRONG_DOOR,
  ].map((pattern) => ({ pattern, value: true })),
)

/**
 * An order already placed, asked after or received: its tracking, its state, when it comes ("¿ya
 * salió mi pedido?", "¿a qué hora llega?", "hice un pedido el martes", "recibí el pedido"). Shipping,
 * though it names the order; checked before the payment words too.
 */
const ORDER_STATUS = new PhraseSet(
  [
    // Where an order is: tracking is about shipping even though it names the order ("pedido").
    'donde|como esta|va|viene mi|el|la pedido|paquete|orden|compra|envio|encargo',
    'en que va|esta|anda mi|el|la pedido|paquete|orden|compra|envio|encargo',
    // The order named first: "mi orden 4521 en q va".
    'en que va|anda $',
    // Asked after with nothing else: "¿y mi pedido???".
    'y mi|mis|el pedido|paquete|orden|compra|encargo|pedidos|paquetes $',
    // "¿y el pedido que pagué hace dos semanas?".
    'y mi|mis|el|los pedido|paquete|orden|compra|encargo|pedidos|paquetes que',
    'acabo|acabamos de recibir|recibirlo|recibirla',
    // How long, not how much: "¿en cuánto llega lo que pedí?".
    'en cuanto tiempo? me|nos? llega|llegan|llegaria|llegarian|llegara|llegue',
    // Picked up where the customer is: "¿recogen en el hotel?", "¿me recogen a domicilio?".
    'me|nos? recogen|recoges|recoge|buscan en|a|del|al',
    // How long until it is ready: "¿en cuánto tiempo están listos los lentes?".
    'en cuanto tiempo? esta|estan|estara|estaran|estaria|estarian listo|lista|listos|listas',
    // Whether it is ready yet: "¿ya está lista mi torta?", "¿está listo el pedido?".
    'ya esta|estan listo|lista|listos|listas mi|mis|el|la|los|las',
    'esta|estan listo|lista|listos|listas mi|mis|el|la|los|las pedido|orden|compra|encargo|pedidos',
    'hoy|mañana me|nos? llega|llegan|llegaria',
    'seguimiento|tracking|rastreo dice|marca|aparece|sale',
    'sigue|esta|va|anda|dice|figura|aparece en camino|transito|preparacion|preparando|reparto|bodega|aduana',
    'cuando lo|la|los|las|me despaches|despachas|despachen|envies|envien|mandes|manden',
    // How long it takes, when it comes, whether it left, coming for it: "¿cuánto tiempo tarda en
    // llegar el pedido?", "¿pa cuándo me llega el pedido?", "¿el pedido ya salió?", "¿puedo pasar a
    // traer el pedido?" name the order but ask about its delivery.
    'tarda|tardan|demora|demoran|tardaria|demoraria en llegar|llegarme|llegarnos',
    'cuando me|nos llega|llegaria|llegara|llegue|llegan el|mi|la|los|mis pedido|paquete|orden|compra|encargo|pedidos|paquetes',
    'pedido|paquete|orden|compra|envio|encargo ya? salio|salieron|despacharon|enviaron|despachado|enviado',
    'recoger|retirar|buscar|traer|recogerlo|retirarlo el|mi|la pedido|orden|compra|paquete|encargo',
    // Coming for it: "voy por el pedido en 20 min", "paso por mi encargo".
    'voy|vamos|paso|pasamos|vengo|venimos|ire|pasare por el|mi|la|los|mis pedido|orden|compra|paquete|encargo|pedidos',
    'rastrear|rastreo|rastreas|tracking',
    'numero|codigo de guia|seguimiento|rastreo',
    'estado de|del mi? pedido|paquete|orden|envio',
    // When it comes, not how to order it: "¿cuándo llega mi pedido?".
    'cuando llega|llegaria|llegara|llegue|sale|saldria|despachan|envian mi|el|la pedido|paquete|orden|compra|encargo',
    // The day or hour it comes, with nothing named: "¿qué día llega?", "a qué hora me lo entregan".
    'que|cual dia|fecha|hora llega|llegaria|llegara|llegan|llegarian|entregan|entregarian|entrega',
    'que|cual dia|fecha|hora me|nos lo|la|los|las? entregan|traen|mandan|llevan',
    'cuanto se? tarda|tardan|demora|demoran mi|el|la pedido|paquete|orden|compra',
    // Slow, asked why: "¿por qué tarda tanto mi pedido?", "¿tardan mucho en despachar?".
    'se? tarda|tardan|demora|demoran tanto|mucho mi|el|la pedido|paquete|orden|compra|encargo',
    'se? tarda|tardan|demora|demoran tanto|mucho en despachar|enviar|mandar|llegar|entregar|despacharlo|enviarlo|mandarlo',
    'cuanto mas van a|va a? tardar|demorar',
    'razon de|del mi|el|la? pedido|paquete|orden|compra|envio',
    'seguimiento de|del|a mi? pedido|paquete|orden|compra|envio',
    // Whether it has left yet: "¿ya salió mi pedido?", "¿ya enviaron mi orden?".
    'salio|salieron|despacharon|enviaron|mandaron mi|el|la pedido|paquete|orden|compra|envio',
    // An order already placed, asked after: "¿qué pasó con mi pedido?", "¿mi compra ya fue
    // despachada?", "¿a qué hora llega mi pedido?", "¿ya viene mi pedido?", "el pedido número 4521…".
    'que paso|pasa|hay|onda con mi|el|la pedido|paquete|orden|compra|encargo|envio',
    'pedido|paquete|orden|compra|encargo|envio ya? fue|esta|ha sido? despachado|despachada|enviado|enviada|entregado|entregada|listo|lista',
    'hora llega|llegaria|llegara|viene|sale|saldria mi|el|la pedido|paquete|orden|compra|encargo',
    'ya viene|llega|sale|salio|vienen mi|el|la|los|mis pedido|paquete|orden|compra|encargo|pedidos',
    'pedido|orden|compra|guia numero|num|no',
    'numero|num de pedido|orden|compra',
    'cuanto falta|tarda|demora para que? llegue|lleguen|llegar|llega',
    // Placed before, or received: "hice un pedido el martes…", "ya me llegó el paquete", "recibí el pedido completo".
    'hice|hicimos|realice|realizamos un|el|mi pedido|orden|compra|encargo',
    'recibi|recibimos|recibio|recibieron el|mi|la|los|mis pedido|paquete|compra|encargo|producto|envio',
    'me|nos? llego|llegaron el|mi|la|los|mis pedido|paquete|compra|encargo|producto|envio',
    'ya me|nos? llego|llegaron',
    // Its state, told: "sigue diciendo en preparación", "aparece como pendiente".
    'sigue|siguen diciendo|apareciendo|saliendo en|como? camino|transito|preparacion|pendiente',
    'aparece|sale|figura|dice|esta como pendiente|procesando|preparacion',
    'cuando lo|la|los|las van a mandar|enviar|despachar|entregar',
    // The delivery details changed: "me equivoqué de dirección", "cambio de dirección porfa".
    'cambiar|cambio|cambia|cambien|corregir|corrijo|actualizar|equivoque|equivoco de|la|mi? direccion|destino|destinatario',
    'codigo postal',
    'nombre de quien recibe|recibira',
  ].map((pattern) => ({ pattern, value: true })),
)

/**
 * Returns and refunds are after-sale matters, none of the five topics, even when they name the
 * product or the money: "¿cómo devuelvo un producto?", "quiero que me reembolsen".
 */
const AFTER_SALE = new PhraseSet(
  [
    'devolver|devuelvo|devolverlo|devolverla|devolucion|devoluciones|reembolso|reembolsen|reembolsar',
    // The wrong item came, or the order is called off: no longer a question of buying.
    'equivocado|equivocada|equivocados|equivocadas|errado|errada',
    UNDO_PATTERN,
    UNDO_ANYTHING_PATTERN,
    UNDO_IT_PATTERN,
    UNDO_ALONE_PATTERN,
    UNSUBSCRIBE_PATTERN,
    // An exchange of something bought: "cambio de producto", "quiero cambiar la talla que me llegó".
    'cambio|cambiar|cambiarlo|cambiarla|cambien de|del|el|la? producto|articulo|prenda|pedido',
    // An order already placed, changed: "quiero modificar mi pedido" (adding to it still buys).
    'cambiar|modificar|corregir|editar|cambien|modifiquen|corrijan mi|el|la pedido|orden|compra|reserva|reservacion',
    // A booking moved: "necesito reprogramar mi cita", "¿puedo cambiar la hora de mi reserva?".
    'reprogramar|reagendar|posponer|aplazar|mover|correr|reprogramen|reprogramame mi|la|el cita|reserva|reservacion|turno|hora',
    'cambiar|modificar|mover la|el hora|fecha|dia|horario de|del mi|la|el? cita|reserva|reservacion|turno',
    'cambiar|cambiarlo|cambiarla|cambio por|de|el|la otra|otro|talla|color|numero|modelo|talle',
    // "¿puedo cambiar el case por otro color?": the thing named between.
    'por otro|otra color|talla|modelo|numero|talle|tamaño',
    'devuelven|devuelvan|devuelve|devuelves|regresan|regresen|devuelvanme|devuelveme|devuelvame|regresenme|reembolsen|reembolsenme el|mi|la|mis dinero|plata|platica|lana|pisto',
    // "kiero mi plata", "exijo mi dinero": the money back.
    'quiero|queremos|exijo|necesito mi|nuestro|nuestra plata|dinero|platica|lana|pisto|reembolso',
    'hacer|hago|hacemos|haga|hagan un|el|una|la cambio|devolucion',
    WITHDRAW_VERBS,
    'me lo|la|los|las cambias|cambian|cambiarias|cambiaria|cambia|cambies',
    'quiero|quisiera|queria|necesito cambiarlo|cambiarla|cambiarlos|devolverlo|devolverla',
    'se|te|les equivocaron|equivocaste|equivoco|confundieron|confundiste',
    'hacen|aceptan|tienen|hay|dan cambios|cambio|devoluciones|devolucion',
    'politica|politicas de cambio|cambios|devolucion|devoluciones|reembolso|reembolsos',
    'lo|la|los|las quiero|queria|quisiera|necesito cambiar|devolver',
    // Help or trouble with an order already placed: "tengo un problema con mi pedido", "¿me pueden
    // ayudar con mi compra?" (not "¿me ayudas a hacer un pedido?").
    'problema|problemas|inconveniente|ayuda|ayudar|ayudarme|ayudan|ayudas|reclamo con|en mi|el|la|mis pedido|orden|compra|pedidos|compras',
    // It came in a bad state: "mi pedido llegó frío", "vino roto".
    'llego|llegaron|vino|vinieron frio|fria|frios|frias|roto|rota|rotos|rotas|dañado|dañada|quebrado|quebrada|incompleto|incompleta|vencido|vencida|derretido|derretida',
    // With the thing named between: "me llegó el producto roto", "vino la pantalla quebrada".
    'llego|llegaron|vino|vinieron el|la|los|las|mi|mis producto|productos|pedido|articulo|paquete|caja|equipo|celular|telefono|pantalla|mueble|comida|pizza|torta|pastel roto|rota|rotos|rotas|dañado|dañada|dañados|dañadas|quebrado|quebrada|vencido|vencida|frio|fria|derretido|derretida',
  ].map((pattern) => ({ pattern, value: true })),
)

/** Something taken off an order, told to the shop (not "te quita las ganas": checked where read). */
const TAKEN_OFF = new PhraseSet([{ pattern: TAKEN_OFF_PATTERN, value: true }])

/**
 * Phrases whose topic is not the one their loudest word names: the minimum order is a price
 * question, not a purchase ("¿cuánto es el mínimo de compra?"); "avísame cuando llegue" waits
 * for stock, not for a parcel (a parcel is "mi pedido", read by ORDER_STATUS first).
 */
const NAMED_ELSEWHERE = new PhraseSet<Category>([
  { pattern: 'minimo|monto|valor minimo? de|para compra|pedido|comprar|pedir', value: 'consulta_precio' },
  { pattern: 'compra|pedido minimo|minima', value: 'consulta_precio' },
  { pattern: 'minimo para hacer|realizar un|el? pedido|compra|pedidos', value: 'consulta_precio' },
  // A deposit or an advance asked for in figures is its amount: "¿de cuánto es el depósito?".
  // ("cuánto es" reads as "precio".)
  { pattern: 'precio el|la deposito|anticipo|adelanto|abono|enganche|seña|garantia', value: 'consulta_precio' },
  // Charged apart or free: "¿el armado se cobra aparte?", "¿dan muestras gratis?".
  { pattern: 'se? cobra|cobran aparte|extra', value: 'consulta_precio' },
  // Sold apart, asked of the thing: "¿trae cargador o se compra aparte?" is about the goods, and buys nothing yet.
  { pattern: 'se compra|compran|vende|venden|consigue|consiguen por? aparte|separado', value: 'consulta_producto' },
  { pattern: 'muestras|muestra gratis|gratuitas|gratuita', value: 'consulta_precio' },
  // The fee for signing up is its price: "¿cuánto está la inscripción?".
  { pattern: 'cuanto esta|cuesta|vale|sale|cobran|es la|el inscripcion|matricula|mensualidad|afiliacion|membresia', value: 'consulta_precio' },
  { pattern: 'precio|valor|costo de|del? la|el? inscripcion|matricula|mensualidad|afiliacion|membresia', value: 'consulta_precio' },
  { pattern: 'precio|valor|costo tiene|tienen la|el inscripcion|matricula|mensualidad|afiliacion|membresia', value: 'consulta_precio' },
  // What it takes to sign up, not signing up: "¿qué necesito para inscribirme al gimnasio?".
  { pattern: 'que necesito|necesita|piden|pides|requiero|requisitos para inscribirme|inscribirse|matricularme|matricularse|afiliarme|afiliarse|contratar|abrir|sacar|apuntarme', value: 'consulta_producto' },
  // Stock the shop receives, not a parcel: "¿cuándo les llega el protector solar?".
  { pattern: 'cuando les|te|le llega|llegan|entra|entran|llegaria|llegarian', value: 'consulta_producto' },
  { pattern: 'cuando les|te|le vuelve|vuelven a llegar|entrar|tener', value: 'consulta_producto' },
  // What the pharmacy asks for it, not buying it: "¿se puede comprar sin receta?".
  { pattern: 'comprar|comprarlo|comprarla|venden|vender|venta sin|con receta|formula', value: 'consulta_producto' },
  { pattern: 'receta|formula para comprar|comprarlo|comprarla', value: 'consulta_producto' },
  // A discount on a purchase is a price: "¿hay descuento por primera compra?".
  { pattern: 'descuento|descuentos|promocion|promociones|cupon|cupones|codigo por|en|de|para la|mi|tu|su? primera? compra|compras|pedido|pedidos', value: 'consulta_precio' },
  { pattern: 'me|nos? avisas|avisan|avise|avisen|avisame|avisenme|avisarme|avisarias cuando llegue|lleguen|vuelva|vuelvan|entre|entren|haya|tengan|consigas|consigan', value: 'consulta_producto' },
  // Who pays the shipping: "¿el envío lo pago yo o corre por su cuenta?".
  { pattern: SHIPPING_PAYER_PATTERN, value: 'consulta_envio' },
  // What taking it there costs is shipping: "¿cuánto me cobras por mandarlo?", "cuánto cobran por traer las hamburguesas".
  { pattern: 'cobras|cobran|cobra|cobrarias|cobrarian|sale|cuesta|costaria|saldria|precio|costo|valor por|de mandarlo|mandarla|mandarlos|mandarlas|enviarlo|enviarla|enviarlos|enviarlas|llevarlo|llevarla|traerlo|traerla|traer|mandar|enviar|llevar', value: 'consulta_envio' },
  // Following the parcel: "link para seguir el envío", "código de rastreo".
  { pattern: 'link|enlace|codigo|numero para|de seguir|seguimiento|rastrear|rastreo|rastreamiento', value: 'consulta_envio' },
  { pattern: 'estado de|del mi|el|la? compra|orden|pedido|paquete|envio|encargo', value: 'consulta_envio' },
  { pattern: 'en que parte|punto va|esta|anda|viene mi|el|la pedido|paquete|orden|compra|envio|encargo|comida', value: 'consulta_envio' },
  // The favourite asked for, whatever stands before it: "¿cuál es el plato más pedido?".
  { pattern: 'mas pedido|pedida|pedidos|pedidas|vendido|vendida|vendidos|vendidas|popular|populares|solicitado|solicitada', value: 'consulta_producto' },
  // Refused for its price: "qué robo, ni loco pago eso".
  { pattern: NEVER_PAYING_PATTERN, value: 'consulta_precio' },
  // A price called too dear by what it would buy instead: "por ese precio me compro uno nuevo".
  { pattern: BUYS_A_NEW_ONE_PATTERN, value: 'consulta_precio' },
])

const SETS = ORDER.map((category) => ({ category, phrases: new PhraseSet(TOPICS[category].map((rule) => ({ pattern: rule.pattern, value: rule }))) }))

/**
 * Phrases whose words are not a topic even though they contain one: "audífonos que no sean tan
 * caros" is a product search, "no sirve para nada" is not asking what it is for.
 */
const NOT_A_TOPIC = new PhraseSet(
  [
    'que no sea|sean tan|muy? caro|caros|cara|caras|costoso|costosos',
    // The order already placed, named in passing, is after-sale: "me faltaron 2 cuadernos en el
    // pedido", "qué lindo que se acuerden de mi pedido de siempre", "¿sigue en pie lo del pedido?".
    'en|de|con el|mi pedido',
    'lo del pedido',
    ...LOVE_PATTERNS,
    // Photos as the service sold, not a picture asked for: "¿cuánto cobras por una sesión de
    // fotos?", "¿editas las fotos?".
    'sesion|sesiones|book|paquete|paquetes de fotos|fotografias',
    'haces|hacen|toman|tomas|editas|editan|retocas|retocan las? fotos|fotografias',
    // The face, not a dear price: "nadie da la cara", "me vieron la cara".
    'da|dan|dio|dar|den|daba|vieron|ven|veo|lava|lavar la cara',
    // Sides, not prices: "tarjetas a dos caras", "doble cara".
    'a|por|de dos|ambas caras',
    'doble cara|faz',
    'sirve|sirven|servir para nada',
    // A reference, not a booking or an order made: "mi código de reserva es XKP4TR".
    'codigo|numero|localizador de|del reserva|reservacion|pedido|orden|compra',
    'no hay problema|lio',
    'lo que busco|buscaba|necesito|necesitaba|queria|quiero',
    'gracias por la|el|tu|su? informacion|atencion',
    // Pleased with what was bought, after the sale: "muy contenta con mi compra".
    'contento|contenta|contentos|feliz|felices|satisfecho|satisfecha|satisfechos|encantado|encantada|encantados con|de mi|la|el|mis compra|pedido|producto|compras|pedidos|productos',
    // The picture already seen, or thanked for: "¿cuánto cuesta el de la segunda foto?", "gracias por las fotos".
    'de|en la|las primera|segunda|tercera|cuarta|ultima|otra foto|fotos|imagen',
    'gracias por la|las|el|los? foto|fotos|imagen|imagenes|video|videos',
    // What comes with it, not buying it: "¿trae cargador o hay que comprarlo aparte?".
    'hay|habria|tengo|tendria|toca que? comprarlo|comprarla|comprarlos|comprar|pagarlo|pagar aparte|extra|adicional',
    'excelente|buena|buenisima|completa|clara|gran la? informacion',
    // How to reach the shop: "¿tienen WhatsApp?", "¿tienen página?", "número de WhatsApp de la tienda".
    'tienen|tienes|hay un|una? whatsap|wasap|wsp|telefono|numero|correo|email|instagram|facebook|pagina|web|redes',
    // Not "algún número": "¿hay algún número 38?" asks a size.
    'tienen|tienes|hay algun|alguna whatsap|wasap|wsp|telefono|correo|email|instagram|facebook|pagina|web|redes',
    'numero|telefono de|del whatsap|wasap|wsp|celular|contacto de|del? la|el? tienda|local|negocio|almacen|empresa|sucursal?',
    'whatsap|wasap|wsp|telefono|numero|correo|celular|contacto de|del la? tienda|local|negocio|almacen|empresa|sucursal',
    'hay|tienen|tienes? algun|alguna|un|una? numero|telefono|celular para llamar|llamarlos|llamarles|comunicarme|contactarlos',
    // Small talk with the bot about itself: "¿cuántos años tienes?", "¿tienes novio?", "¿eres un robot?".
    'cuantos años tienes|tiene',
    'tienes|tiene novio|novia|esposo|esposa|pareja|hijos|sentimientos|amigos',
    'como te llamas|llama',
    'de donde eres',
    'que haces $',
    'quieres ser mi',
    'eres un|una? robot|bot|humano|humana|persona|real|maquina|ia',
    'necesito|necesitaba ayuda',
    // A person, not a product: "necesito un humano", "busco a alguien que me atienda".
    'necesito|necesitaba|quiero|busco|buscaba a? un|una humano|persona|asesor|asesora|agente|operador|operadora|vendedor|vendedora|encargado|encargada',
    'necesito|necesitaba|quiero|quisiera|busco hablar|comunicarme con',
    'hay|esta|estan alguien',
    // The item in a picture already seen, or a complaint that it differs: "¿todavía tienes el de la foto?".
    'de|a|que la|las foto|fotos|imagen|publicacion',
    // What is seen in it: "el jean se ve gastado en la foto, ¿tiene manchas?".
    'en la|las|tu|su foto|fotos|imagen|imagenes',
    'hay parking|parqueadero|estacionamiento',
    // Work sought, not goods: "¿están contratando? busco trabajo", "¿necesitan vendedora?".
    'busco|buscando|necesito|ofrezco|solicito trabajo|empleo|chamba|chambita|pega|curro|laburo',
    'necesitan|necesitas|necesita|buscan personal|empleado|empleada|empleados|ayudante|vendedora|vendedor|cajero|cajera|repartidor|repartidores',
    'vacante|vacantes',
    'hoja de vida',
    'mi curriculum|cv',
    // Slow to answer, not to deliver: "tardan horas en contestar".
    SLOW_ANSWER_PATTERN,
    // "¿Me lo podría repetir con otras palabras?", "todo está en orden", "el mensaje que les envío".
    'con otras palabras',
    'en orden',
    'que les|te|le envio|envie|mande|escribo|escribi',
    // A post's link to itself, not a payment link: "receta en el blog, link abajo", "link en la bio".
    'link|enlace abajo|arriba',
    'link|enlace en|de|del la|mi|el? bio|perfil|descripcion',
    // "¿en qué parte queda el local?" (where the shop is: shipping's rules below read it).
    'en que parte|zona|sector|lugar|calle|barrio|avenida|direccion',
    // Whether it fits, put as a case: "¿puedo cambiarlo si no me queda?".
    'si no me|le|te|nos queda|quedan|quedo|quedaron',
    // Coming back to buy, or the order was fine: praise, not a purchase.
    'volvere|volveria|volveremos|vuelvo|volvemos a comprar|pedir|comprarles|pedirles|comprarte',
    'todo bien|perfecto|excelente con el|mi|la pedido|compra|envio|producto',
    // Seeing it before buying is not buying yet: "¿puedo ir a verlo antes de comprar?".
    'antes de comprar|comprarlo|comprarla|pagar|pagarlo|pagarla',
    'que|cual|cuales horario|horarios tienen|manejan|tiene|hay|atienden',
    'necesito|necesitaba|quiero|busco|buscaba a? alguien',
    // Thanks, not a payment: "Dios le pague".
    'dios|diosito le|te|les|se lo? pague|pagues',
    // An apology for the customer's own delay, not a question about delivery times.
    'disculpa|disculpe|disculpen|perdon|perdona|perdone|sorry por? la demora|tardanza',
    // Again, not another product: "otra vez se cayó la app".
    'otra|otro|otros|otras vez|veces|dia|dias|semana|semanas|mes|meses|año|años|lunes|martes|miercoles|jueves|viernes|sabado|domingo|rato|momento',
  ].map((pattern) => ({ pattern, value: pattern })),
)

const NEGATORS = new Set(['no', 'nunca', 'ni', 'tampoco', 'jamas'])

/** Greetings and fillers a message (a voice note above all) starts with: "hola oye tienes el de salmón". */
const OPENING_FILLERS = new Set('hola buenas buenos buen dia dias tardes noches oye oiga mira mire hmm este ey che disculpa disculpe perdon aja bueno pues y amigo amiga vecino vecina'.split(' '))

/** Nothing but greetings and fillers before `start`: the phrase opens the message. */
function opensMessage(words: readonly string[], start: number): boolean {
  for (let i = 0; i < start; i++) if (!OPENING_FILLERS.has(words[i]!)) return false
  return true
}

function negatedAt(words: readonly string[], clauseOf: readonly number[], start: number): boolean {
  // "Me fui sin comprar", "salí sin reservar": done without it.
  if (words[start - 1] === 'sin') return true
  for (let i = start - 1; i >= Math.max(0, start - 4) && clauseOf[i] === clauseOf[start]; i--) if (NEGATORS.has(words[i]!)) return true
  return false
}

/** What failed to arrive is a message, not a parcel: "no me llegó el link de pago". */
const NOT_A_PARCEL = new Set(['link', 'enlace', 'correo', 'mail', 'email', 'mensaje', 'codigo', 'sms', 'comprobante', 'factura', 'pago', 'transferencia', 'deposito', 'consignacion', 'plata', 'dinero', 'abono', 'reembolso', 'devolucion', 'respuesta', 'llamada', 'contestacion', 'turno', 'atencion', 'cita'])

/** A message's topic, and the word where the phrase that names it starts. */
export interface TopicMatch {
  category: Category
  /** Index in `words` of the phrase that decided; -1 for `general`. */
  start: number
  /** Index just past that phrase; -1 for `general`. */
  end: number
  /** Decided by a phrase that asks a price (the minimum order, the sign-up fee): whatever order words it holds, it orders nothing. */
  asksPrice?: boolean
  /** Decided by the invoice: a payment topic that commits to nothing ("¿dan factura?"). */
  paperwork?: boolean
  /** Decided by a delivery that failed, is late or is still awaited: shipping whatever else the message says. */
  failure?: boolean
  /** A purchase word was passed over because it hangs on an "if" or a "maybe" (purchase-condition.ts). */
  conditionalPurchase?: 'if' | 'maybe'
}

/**
 * The topic of an already analysed message and where it was named. `withoutPurchase` leaves the
 * buying and paying words out (not the invoice), for a purchase that hangs on a condition ("si lo
 * tenés en negro lo compro" asks about the colour).
 */
export function topicOf(analyzed: AnalyzedText, options: { withoutPurchase?: boolean } = {}): TopicMatch {
  const { words, clauseOf } = analyzed
  const asks = asksQuestion(analyzed)
  const parcel = (m: { end: number }) => !NOT_A_PARCEL.has(words[m.end] === 'el' || words[m.end] === 'la' ? (words[m.end + 1] ?? '') : (words[m.end] ?? ''))
  const failure = DELIVERY_FAILURE.findAll(words, clauseOf).find(parcel)
  if (failure) return { category: 'consulta_envio', start: failure.start, end: failure.end, failure: true }
  // What came wrong or is sent back is after-sale, even when the message says it came.
  if (AFTER_SALE.findAll(words, clauseOf).length > 0 || TAKEN_OFF.findAll(words, clauseOf).some((m) => !TAKEN_OFF_NOT_AFTER.has(words[m.start - 1] ?? ''))) {
    return { category: 'general', start: -1, end: -1 }
  }
  const status = ORDER_STATUS.findAll(words, clauseOf).find(parcel)
  if (status) return { category: 'consulta_envio', start: status.start, end: status.end }
  const elsewhere = NAMED_ELSEWHERE.findAll(words, clauseOf)[0]
  if (elsewhere) return { category: elsewhere.value, start: elsewhere.start, end: elsewhere.end, asksPrice: elsewhere.value === 'consulta_precio' }
  const { claimed } = NOT_A_TOPIC.claim(words, clauseOf)
  let conditionalPurchase: 'if' | 'maybe' | null = null
  for (const { category, phrases } of SETS) {
    for (const match of phrases.findAll(words, clauseOf)) {
      // The invoice asked for is no purchase, so it stays: "compro 2 si me hacés factura A".
      if (options.withoutPurchase && category === 'proceso_pago' && !match.value.paperwork) continue
      if (match.value.questionOnly && !asks && !opensMessage(words, match.start)) continue
      if (claimed.slice(match.start, match.end).some(Boolean)) continue
      if (match.value.negatable && negatedAt(words, clauseOf, match.start)) continue
      const condition = match.value.conditional ? purchaseCondition(analyzed, match.start, match.end) : null
      if (condition) {
        conditionalPurchase ??= condition
        continue
      }
      if (match.value.notBefore?.has(words[match.end] ?? '')) continue
      const paperwork = match.value.paperwork || (match.value.ownedIsPaperwork && namedAsOwned(words, match.start))
      return { category, start: match.start, end: match.end, ...(paperwork ? { paperwork: true } : {}), ...(conditionalPurchase ? { conditionalPurchase } : {}) }
    }
  }
  // Only with a question mark, in a chat-length message: a review that opens "este lugar es…"
  // tells. Or asked which of two with no mark: "la bici es aro 26 o 27.5".
  const thing = asks && (analyzed.questionMarks > 0 || asksEitherOr(analyzed)) && words.length <= THING_QUESTION_WORDS ? thingAskedAbout(analyzed) : -1
  if (thing >= 0) return { category: 'consulta_producto', start: thing, end: thing + 2 }
  return { category: 'general', start: -1, end: -1, ...(conditionalPurchase ? { conditionalPurchase } : {}) }
}

const THING_QUESTION_WORDS = 20
/** Nouns that are not goods: the order, the payment, the shop, a person. */
const NOT_A_THING: ReadonlySet<string> = new Set(
  'pedido orden envio entrega pago cuenta tienda local numero direccion horario dueño dueña señor señora chico chica muchacho muchacha asesor asesora promo oferta problema mensaje link foto fotos que'.split(' '),
)

/**
 * Where a clause that asks opens with a thing and what it is or does ("¿la mesa es extensible?",
 * "las uñas de gel cuánto duran", "¿el relleno puede ser de lúcuma?"): a question about the
 * product, whatever its name. -1 where there is none.
 */
function thingAskedAbout(analyzed: AnalyzedText): number {
  const { words, clauseOf } = analyzed
  for (let i = 0; i + 2 < words.length; i++) {
    const opens = i === 0 || clauseOf[i] !== clauseOf[i - 1] || words[i - 1] === 'y'
    if (!opens || !THING_DETERMINERS.has(words[i]!) || NOT_A_THING.has(words[i + 1]!)) continue
    // "el almuerzo del jueves es…", "las uñas de gel cuánto duran": a "de" phrase may stand between.
    let v = i + 2
    if ((words[v] === 'de' || words[v] === 'del') && v + 1 < words.length) v += 2
    if (words[v] === 'cuanto' || words[v] === 'que') v++
    if (v < words.length && clauseOf[v] === clauseOf[i] && THING_VERBS.has(words[v]!)) return i
  }
  return -1
}

/** The category of an already analysed message (shares the tokenization with the scorer). */
export function categoryOf(analyzed: AnalyzedText): Category {
  return topicOf(analyzed).category
}

/** The seed's detectCategory, fixed: canonical tokens, and the most specific topic wins. */
export function detectCategory(customerMessage: string): Category {
  return categoryOf(analyzeSpanish(customerMessage))
}
