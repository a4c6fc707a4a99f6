import type { HandlerSlice } from '../api/handler-table'
import type { SettingsService } from './settings-service'

export function settingsHandlers(settings: SettingsService): HandlerSlice<'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
  }
}
