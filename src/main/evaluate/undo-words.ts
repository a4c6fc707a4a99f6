// The words of calling off what was ordered or booked, shared by the reply rules (a rejection:
// the order words in it are no purchase) and the category (after-sale, none of the five topics),
// so the two read the same messages as undoing.

const UNDO_VERBS = 'cancelar|cancelen|cancela|cancelo|cancele|cancelame|cancelenme|anular|anulen|anula|anulo|borra|borren|borrar|elimina|eliminen|eliminar|olvida|olviden|olvidate|olvidese'
/** What can be called off: an order, a booking, a sign-up, a trip. */
export const UNDONE_THINGS = 'pedido|compra|orden|encargo|suscripcion|reserva|reservacion|inscripcion|cita|turno|matricula|plan|servicio|tour|viaje|boleto|vuelo|poliza|seguro|membresia|contrato|linea|clase|sesion'

/** "cancelen mi pedido", "anular la reserva", "borra el encargo". */
export const UNDO_PATTERN = `${UNDO_VERBS} mi|el|la|una? ${UNDONE_THINGS}`
/**
 * Told to the shop, calling off whatever it names: "cancela la torta", "anulen los globos". Only
 * the imperative: "cancelé la factura" is paying it in much of the region.
 */
export const UNDO_ANYTHING_PATTERN = 'cancela|cancelame|cancelen|cancelenme|anula|anulame|anulen|anulenme el|la|los|las|mi|mis|todo'
/** "cancélalo", "anúlenla": the thing already named, called off. */
export const UNDO_IT_PATTERN = 'cancelalo|cancelala|cancelalos|cancelalas|cancelenlo|cancelenla|cancelenlos|cancelenlas|anulalo|anulala|anulalos|anulalas|anulenlo|anulenla|anulenlos|anulenlas'
/** "cancelen", said on its own: call it off. */
export const UNDO_ALONE_PATTERN = 'cancelen|anulen $'
/** "desisto del pedido": said with what is given up or alone. */
export const WITHDRAW_VERBS = 'desisto|desistimos|desistir'
/** Leaving a service or a plan: "me doy de baja", "quiero darme de baja", "denme de baja la línea". */
export const UNSUBSCRIBE_PATTERN = 'darme|darnos|dar|denme|den|doy|damos|di|dimos de baja'
