// "Primeros pasos": the owner's first day, step by step (shop, model, catalog, WhatsApp, a test
// chat). Whether a step is done is read from the app's real state every time — a country
// chosen, the model answering, products in the catalog — and never stored, so a step done
// outside the assistant (a catalog imported from Catálogo, WhatsApp linked from its screen) is
// done here too, and one that stops holding (the model deleted) is not. Only the owner's own
// choices are stored: which steps they put off, where they were, whether they closed it.

import type { CatalogImportReport } from '../../shared/catalog'
import { ApiError } from '../../shared/api/errors'
import { countryByCode, isValidTimeZone } from '../../shared/countries'
import { SETUP_STEPS, type SetupDto, type SetupStepId } from '../../shared/setup'
import type { MessageDto, WhatsappStatus } from '../../shared/types'
import type { CatalogService } from '../catalog/catalog-service'
import type { EventBus } from '../kernel/event-bus'
import type { SettingsService } from '../settings/settings-service'
import type { Repositories } from '../store/repositories'
import { exampleCatalogFile } from './example-catalog'

/** Where the owner's progress is kept in the settings table: beside the settings, not inside them. */
export const SETUP_PROGRESS_KEY = 'setup.progress'

/** The repositories this module uses, and only the methods it calls. */
interface UsedRepositories {
  settings: Pick<Repositories['settings'], 'get' | 'set'>
  products: Pick<Repositories['products'], 'count' | 'countActive'>
  messages: Pick<Repositories['messages'], 'hasSimulatorBotAnswer'>
}

export interface SetupDeps {
  repos: UsedRepositories
  accountId: string
  settings: SettingsService
  /** Imports the example catalog the way an owner's file is imported. */
  catalog: Pick<CatalogService, 'import'>
  events: EventBus
  /** The model the shop answers with responds now (from the LLM status). */
  modelReady: () => boolean
  /** WhatsApp is linked to the shop's number (from the WhatsApp status). */
  whatsappLinked: () => boolean
}

/** What the owner chose; everything else in SetupDto is computed. */
interface Progress {
  skipped: SetupStepId[]
  /** The step the owner last opened. */
  opened: SetupStepId | null
  dismissed: boolean
}

export interface SaveShopInput {
  shopName: string
  country: string
  timezone?: string | undefined
}

export class SetupService {
  /** The last SetupDto sent as `setup.changed` (or the first one computed), as JSON. */
  private lastSent: string
  /** A test chat answered stays answered (messages are never deleted): no query once seen. */
  private tested = false
  private readonly unsubscribe: (() => void)[]

  constructor(private readonly deps: SetupDeps) {
    // The state at start is not a change; what moves after it is.
    this.lastSent = JSON.stringify(this.get())
    this.unsubscribe = [
      deps.events.subscribe((event, payload) => {
        if (event === 'status.changed' || event === 'whatsapp.status' || event === 'catalog.changed') this.publish()
        // A bot reply can only finish the test step: once it is done, the reply path pays nothing here.
        else if (event === 'message.added' && !this.tested && (payload as MessageDto).author === 'bot') this.publish()
      }),
      deps.settings.onChange(() => this.publish()),
    ]
  }

  get(): SetupDto {
    const progress = this.progress()
    const done: Record<SetupStepId, boolean> = {
      shop: this.deps.settings.get().shop.country !== null,
      model: this.deps.modelReady(),
      catalog: this.deps.repos.products.countActive(this.deps.accountId) > 0,
      whatsapp: this.deps.whatsappLinked(),
      test: this.testDone(),
    }
    const steps = SETUP_STEPS.map((id) => ({ id, done: done[id], skipped: !done[id] && progress.skipped.includes(id) }))
    const opened = progress.opened !== null && !done[progress.opened] ? progress.opened : null
    const current = opened ?? steps.find((step) => !step.done && !step.skipped)?.id ?? null
    return { steps, current, complete: steps.every((step) => step.done), dismissed: progress.dismissed }
  }

  /** Step "Tienda": the name, and the country with what it sets (currency, number format, time zone). */
  saveShop(input: SaveShopInput): SetupDto {
    const country = countryByCode(input.country)
    if (!country) {
      throw new ApiError('invalid_input', `No conocemos el país «${input.country}». Elige el de tu tienda en la lista.`, [
        { path: 'country', message: 'Elige un país de la lista.' },
      ])
    }
    const zone = input.timezone ?? country.timeZones[0]!
    // One of the country's, or any zone the clock knows (a shop may keep another country's hours).
    if (!country.timeZones.includes(zone) && !isValidTimeZone(zone)) {
      throw new ApiError('invalid_input', `No conocemos la zona horaria «${zone}». Elige la de tu tienda en la lista.`, [
        { path: 'timezone', message: 'Elige una zona horaria de la lista.' },
      ])
    }
    this.deps.settings.update({
      persona: { shopName: input.shopName.trim() },
      shop: { country: country.code, currency: country.currency, numberLocale: country.locale },
      businessHours: { timezone: zone },
    })
    // The settings listener has published the change already.
    return this.get()
  }

  /** "Más tarde": the step stays in the checklist, and the assistant moves on. */
  skip(step: SetupStepId): SetupDto {
    return this.change((progress) => ({
      ...progress,
      skipped: progress.skipped.includes(step) ? progress.skipped : [...progress.skipped, step],
      // Put off, it is no longer where the owner is.
      opened: progress.opened === step ? null : progress.opened,
    }))
  }

  /** The owner opened a step: the assistant reopens there next time (until it is done). */
  open(step: SetupStepId): SetupDto {
    return this.change((progress) => ({ ...progress, opened: step }))
  }

  dismiss(dismissed: boolean): SetupDto {
    return this.change((progress) => ({ ...progress, dismissed }))
  }

  /**
   * Step "Catálogo" → "Empezar con un ejemplo": example products in the shop's currency, written
   * by the catalog's own import. Only into an empty catalog: it must never mix with the owner's.
   */
  async exampleCatalog(): Promise<CatalogImportReport> {
    if (this.deps.repos.products.count(this.deps.accountId) > 0) {
      throw new ApiError(
        'precondition',
        'Tu catálogo ya tiene productos, así que no se agregó el ejemplo. El ejemplo es solo para empezar con un catálogo vacío.',
      )
    }
    const report = await this.deps.catalog.import('json', exampleCatalogFile(this.deps.settings.get().shop.currency), false)
    if (!report.applied) {
      // The example is ours: a row it gets wrong is a bug here, not something the owner can fix.
      throw new ApiError('internal', 'No se pudo cargar el catálogo de ejemplo.')
    }
    return report
  }

  /** Emits `setup.changed` when the assistant's state differs from what was last sent. */
  publish(): void {
    const setup = this.get()
    const key = JSON.stringify(setup)
    if (key === this.lastSent) return
    this.lastSent = key
    this.deps.events.emit('setup.changed', setup)
  }

  close(): void {
    for (const stop of this.unsubscribe.splice(0)) stop()
  }

  private testDone(): boolean {
    this.tested ||= this.deps.repos.messages.hasSimulatorBotAnswer()
    return this.tested
  }

  private change(edit: (progress: Progress) => Progress): SetupDto {
    this.deps.repos.settings.set(SETUP_PROGRESS_KEY, edit(this.progress()))
    this.publish()
    return this.get()
  }

  /** What is stored, read defensively: a hand-edited or older value never breaks the assistant. */
  private progress(): Progress {
    const stored = this.deps.repos.settings.get(SETUP_PROGRESS_KEY)
    const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {}
    const skipped = Array.isArray(value.skipped) ? SETUP_STEPS.filter((step) => (value.skipped as unknown[]).includes(step)) : []
    const opened = SETUP_STEPS.find((step) => step === value.opened) ?? null
    return { skipped, opened, dismissed: value.dismissed === true }
  }
}

/** WhatsApp counts as linked when it is open, or reconnecting with the shop's session stored. */
export function isWhatsappLinked(status: WhatsappStatus, hasStoredSession: boolean): boolean {
  if (status.state === 'open') return true
  return (status.state === 'connecting' || status.state === 'closed') && hasStoredSession
}
