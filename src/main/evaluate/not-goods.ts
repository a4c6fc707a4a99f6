/**
 * What "quiero una", "dame una", "me regalas una" ask for when it is not goods: a quote, a hand,
 * a minute, a picture, days ("necesito 2 días"). "¿me regalas una cotización?" asks a price and "quiero una foto" a
 * picture; neither orders anything. Canonical (folded) words, as the analyser gives them.
 */
export const NOT_GOODS: ReadonlySet<string> = new Set(
  'reseña reseñas comentario comentarios nota notas denuncia estrella estrellas musica calificacion puntuacion poco vistazo like likes cotizacion cotizaciones informacion mundo monton info explicacion mano manito idea respuesta ayuda ayudita foto fotos fotico imagen imagenes video opinion direccion ubicacion referencia referencias recomendacion asesoria cita llamada oportunidad segundo momento minuto minutico razon descuento descuentito descuentico rebaja rebajita promocion garantia factura pregunta preguntas consulta duda dudas saludo saludos favor favorcito cosa cosas reembolso devolucion cambio queja reclamo solucion humano persona asesor asesora agente operador operadora encargado encargada vendedor vendedora supervisor gerente numero telefono correo link enlace menu carta catalogo lista precio precios estado seguimiento guia mesa reserva reservacion noticia noticias confirmacion comprobante recibo copia disculpa disculpas credito prestamo trabajo empleo vez rato dia dias hora horas semana semanas mes meses minutos año años total nombre dato datos horario horarios contacto fecha fechas detalle detalles medidas codigo tarifa tarifas formulario mapa pdf archivo documento audio mensaje presupuesto contrato ficha especificaciones caracteristicas colores tallas modelos opciones sabores'.split(
    ' ',
  ),
)

/**
 * Love, not an order: "los quiero mucho", "te quiero un mundo" (the clitic folds to "lo"). Read as
 * praise by the rules and as no topic by the category.
 */
export const LOVE_PATTERNS: readonly string[] = ['lo|te quiero|queremos|amo mucho|muchisimo|demasiado|montones', 'lo|te quiero|queremos|amo un monton|mundo']
