import {
  BufferJSON,
  initAuthCreds,
  jidDecode,
  proto,
  WAJIDDomains,
  type AuthenticationCreds,
  type AuthenticationState,
  type SignalDataTypeMap,
  type SignalKeyStore,
} from '@whiskeysockets/baileys'
import type { Logger } from '../kernel/logger'
import type { SecretBox } from '../security/secret-box'
import { CREDS_CATEGORY, CREDS_KEY_ID, type WhatsappAuthEntry, type WhatsappAuthRepository } from '../store/repositories/whatsapp-auth-repository'

/** The stored credentials exist but cannot be opened (another key, a damaged row): only a new pairing helps. */
export class WhatsAppSessionUnreadableError extends Error {
  override readonly name = 'WhatsAppSessionUnreadableError'

  constructor(options?: ErrorOptions) {
    super(
      'No se pudo leer la sesión de WhatsApp guardada en este equipo (la clave de cifrado cambió o los datos están dañados). Vuelve a vincular el número.',
      options,
    )
  }
}

export interface SqliteAuthState {
  /**
   * For `makeWASocket`, with `keys` wrapped in Baileys' `makeCacheableSignalKeyStore` (a
   * plain `SignalKeyStore`, so the wrapper needs nothing more). Reading `creds` throws
   * `WhatsAppSessionUnreadableError` while stored credentials cannot be opened, until `clear()`.
   */
  readonly state: AuthenticationState
  /** Persists `state.creds`; call on every `creds.update`, Baileys mutates the object in place. */
  saveCreds(): void
  /** Forgets the whole session (unlink, failed pairing) and starts over with fresh credentials. */
  clear(): void
  /** A linked number is stored (or stored credentials could not be read, which connecting reports). */
  hasSession(): boolean
  /**
   * Deletes the Signal sessions of one contact, every device, under its phone and its LID
   * addresses, so Baileys establishes new ones. Returns how many were deleted. A cache in front
   * of `state.keys` (makeCacheableSignalKeyStore) keeps serving the old sessions until it is
   * dropped: the socket must be recreated for the reset to take effect.
   */
  resetContactSessions(jid: string): number
}

/**
 * Baileys' credentials and Signal keys in the app database, each value sealed by the SecretBox.
 * Mirrors Baileys' own `useMultiFileAuthState` (lib/Utils/use-multi-file-auth-state.js): JSON
 * with `BufferJSON`, fresh `initAuthCreds()` when nothing is stored, app-state sync keys
 * revived as protobuf objects, a missing key read as null, a falsy value written as a delete.
 * Unlike it, a value that cannot be opened is logged and read as missing instead of breaking
 * the socket: Baileys recovers from missing keys by renegotiating them.
 */
export function createSqliteAuthState(repo: WhatsappAuthRepository, box: SecretBox, logger?: Logger): SqliteAuthState {
  const seal = (value: unknown): Buffer => box.encrypt(Buffer.from(JSON.stringify(value, BufferJSON.replacer), 'utf8'))
  const open = (sealed: Buffer): unknown => JSON.parse(box.decrypt(sealed).toString('utf8'), BufferJSON.reviver) as unknown

  let creds: AuthenticationCreds
  let unreadable: WhatsAppSessionUnreadableError | null = null
  /** Whether `creds` is what the database holds, as opposed to fresh ones not yet saved. */
  let stored = false

  const loadCreds = (): void => {
    unreadable = null
    const sealed = repo.get(CREDS_CATEGORY, CREDS_KEY_ID)
    stored = sealed !== undefined
    if (sealed === undefined) {
      creds = initAuthCreds()
      return
    }
    try {
      creds = open(sealed) as AuthenticationCreds
    } catch (error) {
      // Read once here so a bad key is logged once, not on every access.
      logger?.error('Stored WhatsApp credentials cannot be read; the number must be linked again', { error })
      unreadable = new WhatsAppSessionUnreadableError({ cause: error })
      creds = initAuthCreds()
    }
  }
  loadCreds()

  /** The keys of one category, each decoded or null; a row that cannot be opened counts as missing. */
  const read = <T extends keyof SignalDataTypeMap>(type: T, ids: string[]): { [id: string]: SignalDataTypeMap[T] | null } => {
    const found = repo.getMany(type, ids)
    const data: { [id: string]: SignalDataTypeMap[T] | null } = {}
    for (const id of ids) {
      const sealed = found.get(id)
      let value: unknown = null
      if (sealed !== undefined) {
        try {
          value = open(sealed)
        } catch (error) {
          logger?.warn('A stored WhatsApp key cannot be read; treating it as missing', { category: type, keyId: id, error })
        }
      }
      if (type === 'app-state-sync-key' && value) {
        value = proto.Message.AppStateSyncKeyData.fromObject(value as Record<string, unknown>)
      }
      data[id] = value as SignalDataTypeMap[T] | null
    }
    return data
  }

  const keys: SignalKeyStore = {
    // Async although SQLite answers synchronously: callers get errors as rejections, as with Baileys' stores.
    async get(type, ids) {
      // Missing ids map to null, as in Baileys' own stores; the declared type omits it.
      return read(type, ids) as { [id: string]: SignalDataTypeMap[typeof type] }
    },
    async set(data) {
      const entries: WhatsappAuthEntry[] = []
      for (const [category, values] of Object.entries(data)) {
        for (const [keyId, value] of Object.entries(values ?? {})) {
          entries.push({ category, keyId, value: value ? seal(value) : null })
        }
      }
      repo.setMany(entries)
    },
    async clear() {
      repo.deleteAllExcept(CREDS_CATEGORY)
    },
  }

  const state: AuthenticationState = {
    // A getter so that the error surfaces where the transport opens the socket, not at app start.
    get creds(): AuthenticationCreds {
      if (unreadable) throw unreadable
      return creds
    },
    set creds(value: AuthenticationCreds) {
      creds = value
      unreadable = null
    },
    keys,
  }

  return {
    state,
    saveCreds() {
      // Never overwrite credentials that could not be read with ones that were never paired.
      if (unreadable) throw unreadable
      repo.setMany([{ category: CREDS_CATEGORY, keyId: CREDS_KEY_ID, value: seal(creds) }])
      stored = true
    },
    clear() {
      repo.clear()
      loadCreds()
    },
    hasSession() {
      // Credentials saved half-way through a pairing that never completed are not a session.
      return unreadable !== null || (stored && Boolean(creds.me || creds.registered))
    },
    resetContactSessions(jid) {
      const users = signalUsers(jid, (type, id) => read(type, [id])[id] ?? null)
      // The dot ends the address user: `5730012345.` must not reach `57300123456.0`.
      return users.reduce((deleted, user) => deleted + repo.deleteWhere('session', `${user}.`), 0)
    },
  }
}

/**
 * The address users (`<user>` or `<user>_<domain>`) under which Baileys may keep Signal
 * sessions for the contact behind `jid`: its phone number and, through the stored LID mapping,
 * its LID, since Baileys moves a phone number's sessions to the LID once it learns it. Hosted
 * (business API) devices of the same number count as the contact's devices.
 */
function signalUsers(jid: string, lookup: (type: 'lid-mapping', id: string) => string | null): string[] {
  const decoded = jidDecode(jid)
  if (!decoded?.user) return []
  const { user, domainType } = decoded
  const pn = (u: string) => [u, `${u}_${WAJIDDomains.HOSTED}`]
  const lid = (u: string) => [`${u}_${WAJIDDomains.LID}`, `${u}_${WAJIDDomains.HOSTED_LID}`]
  switch (domainType) {
    case WAJIDDomains.WHATSAPP:
    case WAJIDDomains.HOSTED: {
      if (decoded.server !== 's.whatsapp.net' && decoded.server !== 'c.us' && decoded.server !== 'hosted') return []
      const mapped = lookup('lid-mapping', user)
      return [...pn(user), ...(mapped ? lid(mapped) : [])]
    }
    case WAJIDDomains.LID:
    case WAJIDDomains.HOSTED_LID: {
      const mapped = lookup('lid-mapping', `${user}_reverse`)
      return [...lid(user), ...(mapped ? pn(mapped) : [])]
    }
    default:
      return []
  }
}
