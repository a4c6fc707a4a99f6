import type { HandlerSlice } from '../api/handler-table'
import type { SetupService } from './setup-service'

export function setupHandlers(
  setup: SetupService,
): HandlerSlice<'setup.get' | 'setup.saveShop' | 'setup.skip' | 'setup.open' | 'setup.dismiss' | 'setup.exampleCatalog'> {
  return {
    'setup.get': () => setup.get(),
    'setup.saveShop': (input) => setup.saveShop(input),
    'setup.skip': ({ step }) => setup.skip(step),
    'setup.open': ({ step }) => setup.open(step),
    'setup.dismiss': ({ dismissed }) => setup.dismiss(dismissed),
    'setup.exampleCatalog': () => setup.exampleCatalog(),
  }
}
