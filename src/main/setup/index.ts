export { SetupService, isWhatsappLinked, SETUP_PROGRESS_KEY, type SetupDeps } from './setup-service'
export { setupHandlers } from './setup-handlers'
export { exampleCatalog, priceIn } from './example-catalog'
