import { ApiError } from '../../shared/api/errors'
import type { HandlerSlice } from '../api/handler-table'
import { WhatsappStateError, type WhatsappTransport } from './whatsapp-transport'

type WhatsappMethods = 'whatsapp.status' | 'whatsapp.pair' | 'whatsapp.cancelPairing' | 'whatsapp.reconnect' | 'whatsapp.logout'

export function whatsappHandlers(transport: WhatsappTransport): HandlerSlice<WhatsappMethods> {
  const guarded = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run()
    } catch (error) {
      if (error instanceof WhatsappStateError) {
        throw new ApiError('invalid_input', error.message, error.field ? [{ path: error.field, message: error.message }] : undefined)
      }
      throw error
    }
  }
  return {
    'whatsapp.status': () => transport.status(),
    'whatsapp.pair': (request) => guarded(() => transport.pair(request.method === 'code' ? { method: 'code', phone: request.phone } : { method: 'qr' })),
    'whatsapp.cancelPairing': () => guarded(() => transport.cancelPairing()),
    'whatsapp.reconnect': () => guarded(() => transport.reconnect()),
    'whatsapp.logout': () => guarded(() => transport.logout()),
  }
}
