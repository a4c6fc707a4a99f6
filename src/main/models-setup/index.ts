// Ollama found or explained, the model plan for this computer, and model downloads.
export { ModelsSetupService, type ModelsSetupDeps } from './models-setup-service'
export { modelsSetupHandlers } from './models-setup-handlers'
export { currentMachine, type Machine } from './machine'
export type { HardwareProbe } from './hardware'
export { MINIMUM_OLLAMA_VERSION } from './ollama-version'
export { VoiceModelService, type VoiceModelDeps } from './voice-model-service'
export { voiceModelHandlers } from './voice-model-handlers'
