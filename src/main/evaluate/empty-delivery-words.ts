// An order that came empty or short, shared by the reply rules (a complaint) and the category (a
// failed delivery, filed under shipping), so the two read the same messages alike. Not "caja" in
// the first: "¿tienen la caja vacía de regalo?" asks for a product.

export const EMPTY_DELIVERY_PATTERNS: readonly string[] = [
  'pedido|paquete|orden|compra|encargo|envio vacio|vacia|incompleto|incompleta',
  // "me ha llegado la caja vacía".
  'llego|llegado|vino la|el|mi caja|paquete|pedido|bolsa vacio|vacia',
  'pedido|paquete|caja|bolsa|encargo|envio|orden|compra llego|llegaron|vino|vinieron vacio|vacia|vacios|vacias',
  // Not "vino vacía" alone, said of the bus as often: "la combi vino vacía, día perfecto".
  'llego|llegaron|vino|vinieron incompleto|incompleta',
  'llego|llegaron vacio|vacia|vacios|vacias',
]
