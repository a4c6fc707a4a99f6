// An order left at the wrong door, shared by the reply rules (a complaint) and the category (a
// failed delivery, filed under shipping), as empty-delivery-words.ts is: "se equivocaron de
// dirección", "me llegó a otro depto", "lo dejaron en otra casa". Not "puse mal la dirección",
// the customer's own slip, which asks to correct it.

export const WRONG_DOOR: readonly string[] = [
  'se? equivocaron|equivoco de direccion|casa|domicilio|depto|departamento|piso|puerta',
  'lo|la|los|las|me? entregaron|entrego|dejaron|llevaron|mandaron|llego|llegaron a|en otra|otro direccion|casa|depto|departamento|domicilio|piso|puerta|edificio',
]
