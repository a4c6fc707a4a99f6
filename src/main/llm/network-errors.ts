// How fetch (undici) failures look, shared by the HTTP providers.

/** Nothing answered: refused, reset, DNS, or our own timeout. */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return true
  // undici reports refused/reset connections and DNS failures as `TypeError: fetch failed` with a cause.
  return error instanceof TypeError && /fetch failed|network|terminated/i.test(error.message)
}

/**
 * Why nothing answered, in the owner's words, for "no responde en <dirección> (…)". undici
 * says it in English codes ("bad port", ECONNREFUSED); the owner gets what it means and what
 * to try. An unknown code is kept, as a code, for whoever helps the owner.
 */
export function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'no se pudo conectar'
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return 'no contestó a tiempo'
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause
  const own = (error as { code?: unknown }).code
  const code = typeof cause?.code === 'string' ? cause.code : typeof own === 'string' ? own : ''
  const message = typeof cause?.message === 'string' ? cause.message : error.message
  if (/bad port/i.test(message)) return 'ese puerto está bloqueado por seguridad: usa otro, como el 11434 de Ollama'
  switch (code) {
    case 'ECONNREFUSED':
      return 'nada atiende en esa dirección y puerto: revisa que el programa esté abierto y el número del puerto'
    case 'ENOTFOUND':
      return 'no existe un equipo con ese nombre: revisa la dirección'
    case 'EAI_AGAIN':
      return 'no se pudo buscar ese nombre: revisa la conexión a internet'
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return 'la conexión se cortó'
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return 'no contestó a tiempo'
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return 'no hay camino hasta ese equipo: revisa la red'
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return 'su certificado de seguridad no es válido'
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return 'no usa https en esa dirección: prueba con http://'
  }
  if (/invalid url/i.test(message)) return 'la dirección no es válida'
  return code ? `no se pudo conectar (código ${code})` : 'no se pudo conectar'
}
