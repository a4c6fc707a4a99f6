// Stages 4–5 of the loop, curate and export: from the captured exchanges to a dataset folder
// (filter, scrub personal data, dedupe, balance, split, write). It owns the dataset's format:
// training reads the folder through DATASET_FILES, never through file names of its own.
export { DatasetService, toDatasetDto, type DatasetDeps } from './dataset-service'
export { datasetHandlers } from './dataset-handlers'
export { DATASET_FILES, DATASET_FORMAT_VERSION, datasetFile, type DatasetFile } from './dataset-format'
export type { DatasetManifest } from './dataset-writer'
export type { DatasetExample } from './types'
export { quoteModelfileValue, selectFewShot } from './modelfile'
export { knownNames, scrubPersonalData } from './pii-scrubber'
