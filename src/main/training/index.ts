// Stages 6–7 of the loop, train → validate → deploy: the facade the handlers call, its handler
// slice, and what the composition root needs to build it (tools, the Ollama deployer and store,
// the imports folder).
export { TrainingService } from './training-service'
export { trainingHandlers } from './training-handlers'
export { findLlamaTools } from './llama-tools'
export { OllamaDeployer } from './ollama-deployer'
export { findOllamaBaseModels } from './ollama-store'
export { ImportSources } from './backends/import-sources'
