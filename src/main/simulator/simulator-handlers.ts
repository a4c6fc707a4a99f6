import type { HandlerSlice } from '../api/handler-table'
import { decodeBase64 } from '../media/base64'
import { simulatedMedia } from './simulated-media'
import type { SimulatorTransport } from './simulator-transport'

export function simulatorHandlers(simulator: SimulatorTransport): HandlerSlice<'simulator.send'> {
  return {
    'simulator.send': ({ from, text, media }) =>
      simulator.receive(from, text, media ? simulatedMedia(media.kind, decodeBase64(media.dataBase64)) : undefined),
  }
}
