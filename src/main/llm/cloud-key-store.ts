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

  set(apiKey: string | null): void {
    if (apiKey === null) this.repo.delete(KEY)
    else this.repo.set(KEY, this.box.encrypt(Buffer.from(apiKey, 'utf8')))
    this.cached = apiKey
  }
}
