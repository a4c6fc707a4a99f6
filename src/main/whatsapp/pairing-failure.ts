import { DisconnectReason } from '@whiskeysockets/baileys'
import { closeStatusCode } from './reconnect-policy'

/** How far linking got before the socket closed. */
export interface PairingProgress {
  method: 'qr' | 'code'
  /** A QR was drawn or a code shown: the owner had something to scan or type. */
  shown: boolean
  /** The number the code was asked for (code linking only), as typed: "+573001234567". */
  phone: string | null
}

/** No network at all on this computer: the name of WhatsApp's server cannot even be looked up. */
const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH', 'EADDRNOTAVAIL'])

export const PAIRING_MESSAGES = {
  offline: 'Este equipo no tiene conexión a internet. Revisa el wifi o el cable y vuelve a intentarlo.',
  unreachable:
    'No se pudo llegar a WhatsApp. Revisa la conexión a internet; si otras páginas abren, puede que esta red bloquee WhatsApp o que WhatsApp tenga una falla: vuelve a intentarlo en unos minutos.',
  qrExpired: 'El código QR venció sin escanearse. Vuelve a intentarlo cuando tengas el teléfono a mano.',
  codeExpired: 'El código de vinculación venció sin usarse. Pide uno nuevo cuando tengas el teléfono a mano.',
  numberRejected: (phone: string | null) =>
    `WhatsApp no aceptó el número${phone ? ` ${phone}` : ''}. Revisa que sea el número de WhatsApp de la tienda, con el código de país, y vuelve a intentarlo.`,
  cut: 'Se cortó la conexión con WhatsApp antes de terminar la vinculación. Vuelve a intentarlo.',
  notCompleted: 'No se completó la vinculación. Vuelve a intentarlo.',
} as const

/** The low-level error under Baileys' close (a WebSocket error keeps it as `data`). */
function networkCode(error: unknown): string | null {
  if (!error || typeof error !== 'object') return null
  const data = (error as { data?: { code?: unknown; cause?: { code?: unknown } } | null }).data
  const code = data?.code ?? data?.cause?.code
  return typeof code === 'string' ? code : null
}

/**
 * Why linking stopped, in the owner's words. Baileys closes with 408 both when the QR codes
 * run out and when the network is down, so what was shown (and the error under the close)
 * tells them apart: a "QR expired" a second after clicking, with no QR ever drawn, was the
 * network all along.
 */
export function describePairingFailure(error: unknown, progress: PairingProgress): string {
  const code = closeStatusCode(error)
  const network = networkCode(error)
  if (network && OFFLINE_CODES.has(network)) return PAIRING_MESSAGES.offline
  if (network) return PAIRING_MESSAGES.unreachable
  // WhatsApp itself refused: for a code that is the number (unknown, not on WhatsApp, banned).
  const refused =
    code === DisconnectReason.loggedOut ||
    code === DisconnectReason.forbidden ||
    code === DisconnectReason.multideviceMismatch ||
    code === 400 ||
    code === 404
  if (refused) return progress.method === 'code' ? PAIRING_MESSAGES.numberRejected(progress.phone) : PAIRING_MESSAGES.notCompleted
  if (!progress.shown) return PAIRING_MESSAGES.unreachable
  if (code === DisconnectReason.timedOut) return progress.method === 'code' ? PAIRING_MESSAGES.codeExpired : PAIRING_MESSAGES.qrExpired
  return PAIRING_MESSAGES.cut
}
