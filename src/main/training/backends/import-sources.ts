import { randomUUID } from 'node:crypto'
import { mkdirSync, readdirSync, realpathSync, statSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename, join, sep } from 'node:path'
import type { ImportFileDto, ImportSourcesDto } from '../../../shared/api/contract'
import { ApiError } from '../../../shared/api/errors'
import { readGgufHeader } from '../gguf'
import { unreadableModelFile } from '../training-errors'

export type ImportKind = 'model' | 'adapter'
export type ImportFormat = 'gguf' | 'safetensors'

/** Opens the desktop's file dialog; resolves to the chosen path, or null when cancelled. */
export type ImportPicker = (kind: ImportKind) => Promise<string | null>

/** A safetensors header is JSON; real ones are kilobytes, this bounds what a hostile file makes us read. */
const MAX_SAFETENSORS_HEADER = 100 * 1024 * 1024
/** Picked files remembered at once: the owner picks one, maybe changes their mind a few times. */
const MAX_PICKED = 16

/**
 * The only files `training.start` may read for an import. The API never takes a path (it did,
 * and a caller with the token had `/etc/hostname` uploaded to whatever host the settings
 * named): a file is either one the owner put in `<data folder>/imports` (named by its file
 * name, and still inside the folder once links are followed), or one the owner chose in the
 * desktop's own file dialog, which only the main process sees — the page gets a handle.
 */
export class ImportSources {
  private readonly picked = new Map<string, string>()

  constructor(
    readonly folder: string,
    private readonly picker: ImportPicker | null,
  ) {}

  /** The folder's files (made on first use, so the owner finds it) and whether a picker exists. */
  async list(): Promise<ImportSourcesDto> {
    mkdirSync(this.folder, { recursive: true, mode: 0o700 })
    const files: ImportFileDto[] = []
    for (const name of readdirSync(this.folder).sort((a, b) => a.localeCompare(b))) {
      if (name.startsWith('.')) continue
      const path = this.inFolder(name)
      if (!path) continue
      files.push({ name, sizeBytes: statSync(path).size, format: (await sniffFormat(path)) ?? 'unknown' })
    }
    return { folder: this.folder, picker: this.picker !== null, files }
  }

  /** Desktop only: the owner chooses a file in the system dialog; the page gets a handle to it. */
  async pick(kind: ImportKind): Promise<({ handle: string } & ImportFileDto) | null> {
    if (!this.picker) {
      throw new ApiError('precondition', `Elegir un archivo solo se puede en la aplicación de escritorio. Desde el navegador, copia el archivo en la carpeta ${this.folder} y elígelo en la lista.`)
    }
    const path = await this.picker(kind)
    if (!path) return null
    const info = statSync(path, { throwIfNoEntry: false })
    if (!info?.isFile()) throw new ApiError('invalid_input', 'Eso no es un archivo: elige el archivo del modelo o del adaptador.')
    const handle = randomUUID()
    this.picked.set(handle, path)
    while (this.picked.size > MAX_PICKED) this.picked.delete(this.picked.keys().next().value!)
    return { handle, name: basename(path), sizeBytes: info.size, format: (await sniffFormat(path)) ?? 'unknown' }
  }

  /** The file a `training.start` names, as a real path; Spanish errors that show no file content. */
  resolve(ref: { importFile?: string | undefined; importHandle?: string | undefined }): { path: string; name: string } {
    if (ref.importHandle) {
      const path = this.picked.get(ref.importHandle)
      if (!path) {
        throw new ApiError('invalid_input', 'Ese archivo ya no está elegido (la aplicación se reinició): vuelve a elegirlo.', [{ path: 'importHandle', message: 'Vuelve a elegir el archivo.' }])
      }
      if (!statSync(path, { throwIfNoEntry: false })?.isFile()) {
        throw new ApiError('invalid_input', `El archivo ${basename(path)} ya no está donde lo elegiste: vuelve a elegirlo.`, [{ path: 'importHandle', message: 'El archivo ya no está ahí.' }])
      }
      return { path, name: basename(path) }
    }
    const name = ref.importFile ?? ''
    if (!isPlainFileName(name)) {
      throw new ApiError('invalid_input', 'Solo se pueden importar archivos de la carpeta de importación, por su nombre.', [{ path: 'importFile', message: 'Escribe solo el nombre del archivo.' }])
    }
    const path = this.inFolder(name)
    if (!path) {
      throw new ApiError('invalid_input', `No hay ningún archivo ${name} en la carpeta de importación (${this.folder}). Cópialo ahí y vuelve a intentarlo.`, [
        { path: 'importFile', message: 'No está en la carpeta de importación.' },
      ])
    }
    return { path, name }
  }

  /** The real path of `name` when it is a regular file that, links followed, is still inside the folder. */
  private inFolder(name: string): string | null {
    if (!isPlainFileName(name)) return null
    try {
      const root = realpathSync(this.folder)
      const real = realpathSync(join(this.folder, name))
      if (!real.startsWith(root + sep)) return null
      return statSync(real).isFile() ? real : null
    } catch {
      return null
    }
  }
}

function isPlainFileName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && !/[/\\\0]/.test(name) && name !== '.' && name !== '..'
}

/**
 * Checks an import before anything is uploaded: Ollama takes any file as a blob. A model must
 * be a GGUF whose header llama.cpp would read; an adapter a GGUF or a safetensors file.
 * Messages name the file and the problem, never bytes from it (errors reach the page, and
 * once echoed a file's first bytes to whoever asked).
 */
export async function checkImportFile(path: string, name: string, kind: ImportKind): Promise<ImportFormat> {
  const format = await sniffFormat(path)
  // Said without the formats' names: the owner knows a model file by how its name ends.
  const field = [{ path: 'importFile', message: kind === 'model' ? 'Elige el archivo del modelo (termina en .gguf).' : 'Elige el archivo del complemento (termina en .gguf o .safetensors).' }]
  if (kind === 'model' && format !== 'gguf') throw new ApiError('invalid_input', `${name} no es un archivo de modelo que la app pueda usar: elige el archivo del modelo, el que termina en .gguf.`, field)
  if (kind === 'adapter' && !format) throw new ApiError('invalid_input', `${name} no es un complemento que la app pueda usar: elige el archivo que termina en .gguf o .safetensors.`, field)
  if (format === 'gguf') {
    try {
      await readGgufHeader(path)
    } catch (error) {
      throw new ApiError('invalid_input', `${name} parece un archivo de modelo pero ${unreadableModelFile(error)}.`, field)
    }
  }
  return format!
}

/** GGUF by its magic; safetensors by its header: an 8-byte length, then that much JSON object. */
async function sniffFormat(path: string): Promise<ImportFormat | null> {
  const file = await open(path, 'r').catch(() => null)
  if (!file) return null
  try {
    const { size } = await file.stat()
    const head = Buffer.alloc(9)
    const { bytesRead } = await file.read(head, 0, 9, 0)
    if (bytesRead >= 4 && head.toString('latin1', 0, 4) === 'GGUF') return 'gguf'
    if (bytesRead < 9) return null
    const headerLength = head.readBigUInt64LE(0)
    if (headerLength < 2n || headerLength > BigInt(Math.min(MAX_SAFETENSORS_HEADER, size - 8)) || head[8] !== 0x7b) return null
    const header = Buffer.alloc(Number(headerLength))
    await file.read(header, 0, header.length, 8)
    const parsed: unknown = JSON.parse(header.toString('utf8'))
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? 'safetensors' : null
  } catch {
    return null
  } finally {
    await file.close()
  }
}
