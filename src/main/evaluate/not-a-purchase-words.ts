// Words that look like buying and are not, shared by the reply rules and the category so the two
// read the same messages alike (as order-followup-words.ts and undo-words.ts are).

/** Who pays the shipping, asked: "¿el envío lo pago yo o corre por su cuenta?" — shipping, nothing bought. */
export const SHIPPING_PAYER_PATTERN = 'envio|flete|domicilio lo pago|pagamos|pagas|paga|pagan|cubro|cubre|cubren'

/** Never, not even mad: "qué robo, ni loco pago eso" — refused for its price. */
export const NEVER_PAYING_PATTERN = 'ni loco|loca|locos|locas|muerto|muerta pago|compro|pagaria|compraria|pagamos|compramos'

/** The price a new one costs: "por ese precio me compro uno nuevo" — too dear. */
export const BUYS_A_NEW_ONE_PATTERN = 'por ese|esa|eso precio|plata|valor|dinero me compro|compro|consigo|compras|consigues'

/** Someone's, after "me quedo con": kept, not bought ("se va a vivir a España y yo me quedo con su cuarto"). */
export const SOMEONE_ELSES: ReadonlySet<string> = new Set(['su', 'sus', 'mi', 'mis', 'tu', 'tus', 'nuestro', 'nuestra', 'nuestros', 'nuestras'])
