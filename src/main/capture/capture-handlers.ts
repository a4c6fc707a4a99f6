import type { HandlerSlice } from '../api/handler-table'
import type { CaptureService } from './capture-service'

export function captureHandlers(capture: CaptureService): HandlerSlice<'capture.health'> {
  return {
    'capture.health': () => capture.health(),
  }
}
