import { createHash } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { lstat, mkdir, mkdtemp, open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { DATASET_FILES, DATASET_FORMAT_VERSION } from './dataset-format'
import { buildModelfile } from './modelfile'
import type { CurationReport, CurationResult, DatasetExample } from './types'

const DEFAULT_FEW_SHOT_PER_CATEGORY = 2
/** Flush to disk every ~1 MiB of JSONL: bounded memory whatever the dataset size. */
const CHUNK_CHARS = 1 << 20

export interface DatasetInfo {
  name: string
  createdAt: Date
  /** The filters the caller asked for, recorded as given. */
  filters: object
  /** Base model for the Modelfile's FROM. */
  modelfileFrom: string
  systemPrompt: string
  fewShotPerCategory?: number
}

export interface FileEntry {
  path: string
  bytes: number
  sha256: string
}

export interface DatasetManifest {
  formatVersion: number
  /** `messages` (system, prior turns, user, assistant) + `metadata`, one JSON object per line. */
  format: 'chat-messages-jsonl'
  name: string
  createdAt: string
  files: {
    train: FileEntry & { lines: number }
    validation: FileEntry & { lines: number }
    modelfile: FileEntry & { from: string; fewShotExamples: number }
  }
  counts: {
    train: number
    validation: number
    total: number
    perCategory: Record<string, { train: number; validation: number }>
    /** category → score ('1'…'5' or 'unscored') → examples, both splits together. */
    perCategoryScore: Record<string, Record<string, number>>
  }
  report: CurationReport
  filters: object
}

export interface WriteProgress {
  stage: 'write'
  done: number
  total: number
}

/** Nothing passed the filters; the message says why, in the owner's language. */
export class EmptyDatasetError extends Error {
  constructor(readonly report: CurationReport) {
    super(emptyDatasetMessage(report))
    this.name = 'EmptyDatasetError'
  }
}

export class DatasetExistsError extends Error {
  constructor(readonly dir: string) {
    super(`Ya existe un lote de ejemplos en ${dir}; elige otra carpeta.`)
    this.name = 'DatasetExistsError'
  }
}

/**
 * Stage 5: train.jsonl, valid.jsonl, manifest.json and a few-shot Modelfile, all or nothing.
 * Everything is written into a hidden sibling folder, fsynced, then renamed onto `dir` in one
 * step, so a crash or an error never leaves a half-written dataset where the app looks for
 * one; on error the temporary folder is removed and the error rethrown.
 */
export async function writeDataset(
  dir: string,
  result: CurationResult,
  info: DatasetInfo,
  onProgress?: (progress: WriteProgress) => void,
): Promise<{ dir: string; manifest: DatasetManifest }> {
  if (result.train.length + result.validation.length === 0) throw new EmptyDatasetError(result.report)
  if (await exists(dir)) throw new DatasetExistsError(dir)
  const parent = dirname(dir)
  await mkdir(parent, { recursive: true })
  const temp = await mkdtemp(join(parent, `.${basename(dir)}.tmp-`))
  let manifest: DatasetManifest
  try {
    const total = result.train.length + result.validation.length
    let done = 0
    const progress = (n: number) => {
      done += n
      onProgress?.({ stage: 'write', done, total })
    }
    const train = await writeJsonl(join(temp, DATASET_FILES.train), result.train, progress)
    const validation = await writeJsonl(join(temp, DATASET_FILES.validation), result.validation, progress)
    const modelfile = buildModelfile({
      from: info.modelfileFrom,
      systemPrompt: info.systemPrompt,
      examples: result.train,
      perCategory: info.fewShotPerCategory ?? DEFAULT_FEW_SHOT_PER_CATEGORY,
      datasetName: info.name,
      createdAt: info.createdAt,
    })
    const modelfileEntry = await writeText(join(temp, DATASET_FILES.modelfile), modelfile.text)

    manifest = {
      formatVersion: DATASET_FORMAT_VERSION,
      format: 'chat-messages-jsonl',
      name: info.name,
      createdAt: info.createdAt.toISOString(),
      files: {
        train: { path: DATASET_FILES.train, ...train },
        validation: { path: DATASET_FILES.validation, ...validation },
        modelfile: { path: DATASET_FILES.modelfile, ...modelfileEntry, from: info.modelfileFrom.trim(), fewShotExamples: modelfile.fewShot.length },
      },
      counts: countExamples(result),
      report: result.report,
      filters: info.filters,
    }
    await writeText(join(temp, DATASET_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`)
    await syncDir(temp)
    await rename(temp, dir)
  } catch (error) {
    await rm(temp, { recursive: true, force: true })
    throw error
  }
  // Past the rename the dataset is complete; this only makes the new name itself durable.
  await syncDir(parent)
  return { dir, manifest }
}

function emptyDatasetMessage(report: CurationReport): string {
  if (report.input === 0) return 'No hay ejemplos que cumplan los filtros: todavía no hay conversaciones capturadas.'
  const reasons: string[] = []
  const minScore = report.options.minScore
  if (report.belowThreshold > 0) reasons.push(`${report.belowThreshold} sin revisar con puntaje menor a ${minScore} o sin puntaje`)
  if (report.unreviewed > 0) reasons.push(`${report.unreviewed} sin revisar (solo se incluyen los aprobados o corregidos)`)
  if (report.rejected > 0) reasons.push(`${report.rejected} rechazados`)
  if (report.empty > 0) reasons.push(`${report.empty} sin texto`)
  const duplicates = report.exactDuplicates + report.nearDuplicates
  if (duplicates > 0) reasons.push(`${duplicates} duplicados`)
  if (report.capped > 0) reasons.push(`${report.capped} recortados por el límite por categoría`)
  const of = report.input === 1 ? 'del único intercambio' : `de ${report.input} intercambios`
  return `No hay ejemplos que cumplan los filtros: ${of}, ${reasons.join(', ')}.`
}

async function writeJsonl(
  path: string,
  examples: readonly DatasetExample[],
  progress: (n: number) => void,
): Promise<{ bytes: number; sha256: string; lines: number }> {
  const handle = await open(path, 'wx')
  try {
    const hash = createHash('sha256')
    let bytes = 0
    let chunk = ''
    let pending = 0
    for (const example of examples) {
      chunk += `${JSON.stringify(example)}\n`
      pending++
      if (chunk.length >= CHUNK_CHARS) {
        bytes += await writeChunk(handle, chunk, hash)
        chunk = ''
        progress(pending)
        pending = 0
      }
    }
    if (chunk.length > 0) bytes += await writeChunk(handle, chunk, hash)
    if (pending > 0) progress(pending)
    await handle.sync()
    return { bytes, sha256: hash.digest('hex'), lines: examples.length }
  } finally {
    await handle.close()
  }
}

async function writeText(path: string, text: string): Promise<{ bytes: number; sha256: string }> {
  const handle = await open(path, 'wx')
  try {
    const hash = createHash('sha256')
    const bytes = await writeChunk(handle, text, hash)
    await handle.sync()
    return { bytes, sha256: hash.digest('hex') }
  } finally {
    await handle.close()
  }
}

async function writeChunk(handle: FileHandle, text: string, hash: ReturnType<typeof createHash>): Promise<number> {
  const buffer = Buffer.from(text, 'utf8')
  hash.update(buffer)
  let offset = 0
  // A write may be short; loop until the whole buffer is on its way to disk.
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset)
    offset += bytesWritten
  }
  return buffer.length
}

function countExamples(result: CurationResult): DatasetManifest['counts'] {
  const perCategory: DatasetManifest['counts']['perCategory'] = {}
  const perCategoryScore: DatasetManifest['counts']['perCategoryScore'] = {}
  const add = (example: DatasetExample, split: 'train' | 'validation') => {
    const { category, qualityScore } = example.metadata
    const entry = (perCategory[category] ??= { train: 0, validation: 0 })
    entry[split]++
    const scores = (perCategoryScore[category] ??= {})
    const score = qualityScore === null ? 'unscored' : String(qualityScore)
    scores[score] = (scores[score] ?? 0) + 1
  }
  for (const example of result.train) add(example, 'train')
  for (const example of result.validation) add(example, 'validation')
  return {
    train: result.train.length,
    validation: result.validation.length,
    total: result.train.length + result.validation.length,
    perCategory,
    perCategoryScore,
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

/** Makes the new entries durable; Windows cannot open a directory for fsync, which is fine there. */
async function syncDir(path: string): Promise<void> {
  let handle: FileHandle | undefined
  try {
    handle = await open(path, 'r')
    await handle.sync()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF' && code !== 'EACCES') throw error
  } finally {
    await handle?.close()
  }
}
