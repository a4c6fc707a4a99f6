import type { HandlerSlice } from '../api/handler-table'
import type { SimulatorTransport } from './simulator-transport'

export function simulatorHandlers(simulator: SimulatorTransport): HandlerSlice<'simulator.send'> {
  return {
    'simulator.send': ({ from, text }) => simulator.receive(from, text),
  }
}
