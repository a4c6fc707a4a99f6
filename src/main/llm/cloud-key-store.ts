import { sameOrigin } from '../../shared/endpoint-security'
import type { Settings } from '../../shared/types'
import type { SecretBox } from '../security/secret-box'
import type { SecretsRepository } from '../store/repositories/secrets-repository'

const KEY = 'cloud.apiKey'

/** The cloud endpoint's API key, sealed by the app's SecretBox before it reaches SQLite. */
export class CloudKeyStore {
  private cached: string | null | undefined

  constructor(
    private readonly repo: SecretsRepository,
    private readonly box: SecretBox,
  ) {}

  get(): string | null {
    if (this.cached !== undefined) return this.cached
    const sealed = this.repo.get(KEY)
    this.cached = sealed ? this.box.decrypt(sealed).toString('utf8') : null
    return this.cached
  }

  has(): boolean {
    return this.get() !== null
  }

  /**
   * A key given for one cloud service is never sent to another: when the owner points the
   * cloud address at a different server, the stored key is deleted and Ajustes asks for one.
   * Subscribe before anything that builds a provider from the key (the LLM service), so that
   * it already finds no key when it reacts to the same change.
   */
  forgetOnServerChange(settings: { onChange(listener: (next: Settings, previous: Settings) => void): unknown }, onForget: () => void = () => {}): void {
    settings.onChange((next, previous) => {
      if (sameOrigin(next.cloud.baseUrl, previous.cloud.baseUrl) || !this.has()) return
      this.set(null)
      onForget()
    })
  }

  set(apiKey: string | null): void {
    if (apiKey === null) this.repo.delete(KEY)
    else this.repo.set(KEY, this.box.encrypt(Buffer.from(apiKey, 'utf8')))
    this.cached = apiKey
  }
}
