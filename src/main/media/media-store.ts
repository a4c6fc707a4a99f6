import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import { MediaError } from './media-errors'

/** Where a kind of media lives under `<dataDir>/media`. */
export type MediaFolder = 'products' | 'messages'

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'video/mp4': 'mp4',
  'application/pdf': 'pdf',
}

/** The file extension for a MIME type (`audio/ogg; codecs=opus` → ogg); `bin` for what we do not know. */
export function extensionFor(mimeType: string): string {
  return EXTENSIONS[mimeType.split(';')[0]!.trim().toLowerCase()] ?? 'bin'
}

/**
 * Photos and voice notes, kept in the data folder like the database and with the same care:
 * folders 0700, files 0600 (customers' photos and voices are as private as their chats). Paths
 * handed out are relative to `<dataDir>/media` and are checked on the way back in, so a path
 * stored in the database can never point outside it.
 */
export class MediaStore {
  readonly root: string

  constructor(dataDir: string) {
    this.root = join(dataDir, 'media')
  }

  /** Writes new bytes under a fresh name; returns the relative path to store. */
  async write(folder: MediaFolder, stem: string, bytes: Uint8Array, mimeType: string): Promise<string> {
    const safeStem = stem.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'media'
    // A new name per write: a browser or a half-sent message never sees old bytes under a new photo's name.
    const relative = `${folder}/${safeStem}-${randomBytes(6).toString('hex')}.${extensionFor(mimeType)}`
    const file = this.resolve(relative)
    this.ensureDir(dirname(file))
    await writeFile(file, bytes, { mode: 0o600 })
    if (process.platform !== 'win32') chmodSync(file, 0o600)
    return relative
  }

  async read(relative: string): Promise<Uint8Array> {
    try {
      return new Uint8Array(await readFile(this.resolve(relative)))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new MediaError('Ese archivo ya no está en esta computadora.', 'missing', { cause: error })
      throw error
    }
  }

  /** Removes a file; a file already gone is fine. */
  async remove(relative: string | null | undefined): Promise<void> {
    if (!relative) return
    await rm(this.resolve(relative), { force: true })
  }

  /** The absolute path of a stored file; throws for anything that would leave the media folder. */
  resolve(relative: string): string {
    const absolute = resolve(this.root, relative)
    if (!absolute.startsWith(this.root + sep)) throw new MediaError('Esa ruta de archivo no es válida.', 'unsupported')
    return absolute
  }

  private ensureDir(dir: string): void {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    if (process.platform === 'win32') return
    // mkdir's mode is masked by the umask, and folders made before this rule keep theirs: set it.
    for (let current = dir; current.startsWith(this.root); current = dirname(current)) {
      chmodSync(current, 0o700)
      if (current === this.root) break
    }
  }
}
