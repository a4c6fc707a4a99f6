/**
 * Reads a dataset manifest defensively: it is `Record<string, unknown>` on the wire and a
 * dataset written by an older or newer version may lack or rename any part, so nothing here
 * may throw and every part is optional.
 */

export interface CategoryScoreTable {
  categories: string[]
  /** '1'…'5', then 'unscored' when present. */
  scores: string[]
  counts: Record<string, Record<string, number>>
  rowTotals: Record<string, number>
  columnTotals: Record<string, number>
  total: number
  /** Per category, how many went to each split (when the manifest says). */
  splits: Record<string, { train: number; validation: number }>
}

export interface ManifestFile {
  name: string
  lines: number | null
  bytes: number | null
}

export interface ManifestSummary {
  table: CategoryScoreTable | null
  /** Where the input went; only the reasons the manifest records. */
  report: {
    input: number | null
    kept: number | null
    /** Where the kept lines come from (datasets from before issue 16 do not say). */
    keptAuto: number | null
    keptApproved: number | null
    keptRewritten: number | null
    exactDuplicates: number | null
    nearDuplicates: number | null
    rejected: number | null
    belowThreshold: number | null
    unreviewed: number | null
    empty: number | null
    capped: number | null
  }
  /** Personal data replaced by placeholders, by kind (phone, email, nationalId, card…). */
  scrubbed: { total: number; byKind: [string, number][] } | null
  filters: [string, unknown][]
  files: ManifestFile[]
}

type Json = Record<string, unknown>

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function at(root: unknown, path: string): unknown {
  let current = root
  for (const part of path.split('.')) current = isRecord(current) ? current[part] : undefined
  return current
}

function scoreOrder(a: string, b: string): number {
  const na = Number(a)
  const nb = Number(b)
  if (Number.isNaN(na) !== Number.isNaN(nb)) return Number.isNaN(na) ? 1 : -1
  return Number.isNaN(na) ? a.localeCompare(b) : na - nb
}

function readTable(manifest: Json): CategoryScoreTable | null {
  const source = at(manifest, 'counts.perCategoryScore')
  if (!isRecord(source)) return null
  const counts: Record<string, Record<string, number>> = {}
  for (const [category, scores] of Object.entries(source)) {
    if (!isRecord(scores)) continue
    for (const [score, value] of Object.entries(scores)) {
      const n = num(value)
      if (n !== null) (counts[category] ??= {})[score] = n
    }
  }
  const categories = Object.keys(counts).sort()
  if (categories.length === 0) return null
  const scores = [...new Set(categories.flatMap((c) => Object.keys(counts[c] ?? {})))].sort(scoreOrder)
  const rowTotals: Record<string, number> = {}
  const columnTotals: Record<string, number> = {}
  let total = 0
  for (const category of categories) {
    for (const score of scores) {
      const n = counts[category]?.[score] ?? 0
      rowTotals[category] = (rowTotals[category] ?? 0) + n
      columnTotals[score] = (columnTotals[score] ?? 0) + n
      total += n
    }
  }
  const splits: CategoryScoreTable['splits'] = {}
  const perCategory = at(manifest, 'counts.perCategory')
  if (isRecord(perCategory)) {
    for (const [category, split] of Object.entries(perCategory)) {
      const train = num(at(split, 'train'))
      const validation = num(at(split, 'validation'))
      if (train !== null && validation !== null) splits[category] = { train, validation }
    }
  }
  return { categories, scores, counts, rowTotals, columnTotals, total, splits }
}

function readScrubbed(manifest: Json): ManifestSummary['scrubbed'] {
  const scrubbed = at(manifest, 'report.scrubbed')
  if (num(scrubbed) !== null) return { total: num(scrubbed)!, byKind: [] }
  if (!isRecord(scrubbed)) return null
  const byKind = Object.entries(scrubbed).flatMap(([kind, value]) => (num(value) !== null ? [[kind, num(value)!] as [string, number]] : []))
  return { total: byKind.reduce((sum, [, n]) => sum + n, 0), byKind }
}

function readFiles(manifest: Json): ManifestFile[] {
  const files = at(manifest, 'files')
  if (!isRecord(files)) return []
  return Object.values(files).flatMap((entry) => {
    const path = at(entry, 'path')
    if (typeof path !== 'string') return []
    return [{ name: path, lines: num(at(entry, 'lines')), bytes: num(at(entry, 'bytes')) }]
  })
}

export function summarizeManifest(manifest: Record<string, unknown> | null): ManifestSummary | null {
  if (!isRecord(manifest)) return null
  const report = (key: string) => num(at(manifest, `report.${key}`))
  const filters = at(manifest, 'filters')
  return {
    table: readTable(manifest),
    report: {
      input: report('input'),
      kept: report('kept') ?? num(at(manifest, 'counts.total')),
      keptAuto: report('keptPerSource.auto'),
      keptApproved: report('keptPerSource.approved'),
      keptRewritten: report('keptPerSource.rewritten'),
      exactDuplicates: report('exactDuplicates'),
      nearDuplicates: report('nearDuplicates'),
      rejected: report('rejected'),
      belowThreshold: report('belowThreshold'),
      unreviewed: report('unreviewed'),
      empty: report('empty'),
      capped: report('capped'),
    },
    scrubbed: readScrubbed(manifest),
    filters: isRecord(filters) ? Object.entries(filters) : [],
    files: readFiles(manifest),
  }
}
