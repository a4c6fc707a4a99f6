import { join } from 'node:path'

/**
 * The dataset folder's format, owned here: curation writes it, training reads it. The file
 * names are written only in this module, so a reader cannot drift from the writer.
 */
export const DATASET_FORMAT_VERSION = 1
export const DATASET_FILES = { train: 'train.jsonl', validation: 'valid.jsonl', modelfile: 'Modelfile', manifest: 'manifest.json' } as const

export type DatasetFile = keyof typeof DATASET_FILES

/** Where one of a dataset folder's files is. */
export function datasetFile(datasetDir: string, file: DatasetFile): string {
  return join(datasetDir, DATASET_FILES[file])
}
