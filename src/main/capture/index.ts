// Stage 1 of the loop, capture: one training example per reply sent, written off the reply path.
export { CaptureService, type CaptureDeps, type CaptureMeta } from './capture-service'
export { captureHandlers } from './capture-handlers'
