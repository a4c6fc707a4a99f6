// The user's original rules (seed/sistema-aprendizaje-continuo.md: TrainingEvaluationService.
// calculateQualityScore / wasSuccessful and TrainingCaptureService.detectCategory), copied
// regex for regex and in the same order, bugs included. They are the baseline the accuracy
// report compares against and what the tests use to show each bug is gone. Nothing in the app
// scores with them.
//
// Known bugs kept on purpose:
// - `\b` is ASCII-only in JavaScript, so an alternative that starts or ends with an accented
//   letter never matches: /\bsí\b/ misses "sí", /\bno sé\b/ misses "no sé".
// - Accented alternatives miss the unaccented spelling most customers type: "envio", "cuanto",
//   "metodo", "cuentame", "mas".
// - "me gusta" and "lo quiero" are tested before "no me gusta" / "no quiero": refusals score 5.
// - "gracias" is a 5, so "gracias pero está muy caro" is "very positive".
// - "ok" and "bien" are a 4 anywhere, including "no está bien".
// - No emojis, no repeated letters ("siii"), no slang ("q", "xq", "okis").

/** calculateQualityScore from the seed. */
export function seedQualityScore(nextMessage: string): number {
  const normalized = nextMessage.toLowerCase()

  if (/\b(perfecto|excelente|genial|gracias|me gusta|lo quiero|voy a comprar)\b/.test(normalized)) {
    return 5
  }
  if (/\b(ok|bien|sí|si|dale|listo)\b/.test(normalized)) {
    return 4
  }
  if (/\b(más|info|detalles|cuéntame|explica)\b/.test(normalized)) {
    return 3
  }
  if (/\b(no entiendo|confuso|no sé|duda)\b/.test(normalized)) {
    return 2
  }
  if (/\b(no me sirve|no me gusta|no quiero|mal)\b/.test(normalized)) {
    return 1
  }
  return 3
}

/** wasSuccessful from the seed. */
export function seedWasSuccessful(nextMessage: string): boolean {
  const normalized = nextMessage.toLowerCase()
  return /\b(comprar|pagar|link|método|voy a|lo quiero|me interesa)\b/.test(normalized)
}

/** detectCategory from the seed. */
export function seedDetectCategory(message: string): string {
  const normalized = message.toLowerCase()

  if (/\b(busco|quiero|necesito|recomienda)\b/.test(normalized)) {
    return 'consulta_producto'
  }
  if (/\b(pago|pagar|comprar|link|método)\b/.test(normalized)) {
    return 'proceso_pago'
  }
  if (/\b(foto|imagen|ver|muestra)\b/.test(normalized)) {
    return 'solicitud_foto'
  }
  if (/\b(precio|cuesta|cuánto|valor)\b/.test(normalized)) {
    return 'consulta_precio'
  }
  if (/\b(envío|entrega|domicilio)\b/.test(normalized)) {
    return 'consulta_envio'
  }
  return 'general'
}
