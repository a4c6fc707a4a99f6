// Rebuilds the scorer's external development set (docs/scorer.md §11) from fetched snapshots of
// its public sources. The data is not committed: neither licence allows redistribution (research
// use only), so every machine rebuilds it from the sources. Output: .cache/scorer-dev/external.jsonl
// (git-ignored), one line per text: {"text", "score", "source", "group", "part", "levels"?}, part
// being "tuning" or "blind"; `levels: 3` marks a source labelled only positive / neutral /
// negative (stored as score 4 / 3 / 2: only its polarity is measured).
//
//   npx tsx scripts/scorer/build-dev-set.ts [--meia <git dir>] [--sfu <git dir>] [--prensa <git dir>]
//
// Each option is a bare git directory (a `git clone --bare` or a fetched snapshot) of:
// --meia  github.com/UzielLujan/Tarea1-NLP-opiniones-mx — the MeIA 2025 training file:
//         TripAdvisor reviews of Mexican "Pueblos Mágicos", stars 1–5 (Mexico);
// --sfu   github.com/AaronGG11/Natural-Language-Processing — the SFU Spanish Review Corpus
//         (Brooke & Taboada): Ciao.es reviews of cars, hotels, washing machines, books, phones,
//         music, computers and films, stars 1–2 and 4–5 (Spain);
// --prensa github.com/pln-fing-udelar/pln-inco-resources — opinions quoted in Uruguayan press,
//         labelled positive / neutral / negative by students of the UdelaR NLP group (Uruguay).
//         Not reviews and not chat: short opinionated text about anything, the "general post".
// A missing source is skipped with a warning; at least one is needed.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { hashString } from '../../src/main/kernel/hash'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const DEV_SET_PATH = join(ROOT, '.cache', 'scorer-dev', 'external.jsonl')

const SOURCES = {
  meia: {
    name: 'meia2025',
    repository: 'UzielLujan/Tarea1-NLP-opiniones-mx',
    commit: '22fa378f2d7bf4f97cbbed14dcbe2e23b685451b',
    path: 'data/raw/MeIA_2025_train.csv',
    mirror: '/work/.mirror/UzielLujan+Tarea1-NLP-opiniones-mx/repo',
  },
  sfu: {
    name: 'sfu-es',
    repository: 'AaronGG11/Natural-Language-Processing',
    commit: 'ebc5453d164f800cef0766705fffac2ed9027122',
    path: '11_Summarization/SFU_Spanish_Review_Corpus',
    mirror: '/work/.mirror/AaronGG11+Natural-Language-Processing/repo',
  },
  prensa: {
    name: 'prensa-uy',
    repository: 'pln-fing-udelar/pln-inco-resources',
    commit: '6c12eb8505212730df7214e5e8e68dd1708a55e2',
    path: 'sentiment/corpusAnalisisSentimientosEsp',
    mirror: '/work/.mirror/pln-fing-udelar+pln-inco-resources/repo',
  },
} as const
const SPLIT_SEED = 16
const BLIND_SHARE = 0.3

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

export interface DevRow {
  text: string
  score: 1 | 2 | 3 | 4 | 5
  source: string
  /** What the split groups by (the town), so the blind part shares no town with the tuning part. */
  group: string
  part: 'tuning' | 'blind'
  /** 3: the source says only positive / neutral / negative (score 4 / 3 / 2); absent: five levels. */
  levels?: 3
}

const git = (mirror: string, ...args: string[]) => execFileSync('git', ['--git-dir', mirror, ...args], { maxBuffer: 64 * 1024 * 1024 })

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 ? process.argv[at + 1]! : fallback
}

/** MeIA 2025: one CSV, grouped by town. */
function readMeia(mirror: string): Omit<DevRow, 'part'>[] {
  const { commit, path, name } = SOURCES.meia
  const [header, ...records] = parseCsv(git(mirror, 'show', `${commit}:${path}`).toString('utf8'))
  const col = (column: string) => header!.indexOf(column)
  const [review, polarity, town] = [col('Review'), col('Polarity'), col('Town')]
  return records.map((record) => ({
    // TripAdvisor cuts long reviews with "...Más"; the cut is the site's, not the reviewer's.
    text: (record[review] ?? '').replace(/\.{3,}\s*Más\s*$/u, '…').trim(),
    score: Math.round(Number(record[polarity])) as DevRow['score'],
    source: name,
    group: record[town] ?? '',
  }))
}

/** SFU Spanish Review Corpus: one Latin-1 file per review, `<category>/<yes|no>_<stars>_<n>.txt`, grouped by category. */
function readSfu(mirror: string): Omit<DevRow, 'part'>[] {
  const { commit, path, name } = SOURCES.sfu
  const files = git(mirror, 'ls-tree', '-r', '--name-only', commit, '--', path).toString('utf8').split('\n')
  const out: Omit<DevRow, 'part'>[] = []
  for (const file of files) {
    const match = /\/([a-z]+)\/(?:yes|no)_([1-5])_\d+\.txt$/.exec(file)
    if (!match) continue
    const text = git(mirror, 'show', `${commit}:${file}`).toString('latin1').replace(/\s+/g, ' ').trim()
    out.push({ text, score: Number(match[2]) as DevRow['score'], source: name, group: match[1]! })
  }
  return out
}

/**
 * Uruguayan press opinions: two files of different texts. prensaUyUnaClase has one label per
 * text; prensaUyVariasClases one per annotator, of which only texts every annotator labelled
 * alike are kept (ties, "empate" and mixed labels are not a gold label). The texts have no
 * natural group (the second column is a target name or a flag), so each falls in one of 40
 * groups by a hash of its text.
 */
function readPrensa(mirror: string): Omit<DevRow, 'part'>[] {
  const { commit, path, name } = SOURCES.prensa
  const polarity: Record<string, DevRow['score']> = { Pos: 4, Neu: 3, Neg: 2 }
  const out: Omit<DevRow, 'part'>[] = []
  const add = (text: string, label: string | undefined) => {
    const score = label ? polarity[label] : undefined
    if (score) out.push({ text: text.replace(/\s+/g, ' ').trim(), score, source: name, group: `g${hashString(text, SPLIT_SEED) % 40}`, levels: 3 })
  }
  for (const record of parseCsv(git(mirror, 'show', `${commit}:${path}/prensaUyUnaClase.csv`).toString('utf8'))) add(record[0] ?? '', record.at(-1))
  for (const record of parseCsv(git(mirror, 'show', `${commit}:${path}/prensaUyVariasClases.csv`).toString('utf8'))) {
    const labels = new Set(record.slice(2).filter(Boolean))
    if (labels.size === 1) add(record[0] ?? '', [...labels][0])
  }
  return out
}

/**
 * The blind part of each source is whole groups (towns, product categories), taken in the order
 * of a seeded hash of their names until they hold 30% of the source: no group is on both sides,
 * and the choice never looks at the text.
 */
function split(rows: Omit<DevRow, 'part'>[]): DevRow[] {
  const sizes = new Map<string, number>()
  for (const row of rows) sizes.set(row.group, (sizes.get(row.group) ?? 0) + 1)
  const blind = new Set<string>()
  let taken = 0
  for (const group of [...sizes.keys()].sort((a, b) => hashString(a, SPLIT_SEED) - hashString(b, SPLIT_SEED) || a.localeCompare(b))) {
    if (taken >= BLIND_SHARE * rows.length) break
    blind.add(group)
    taken += sizes.get(group)!
  }
  return rows.map((row) => ({ ...row, part: blind.has(row.group) ? 'blind' : 'tuning' }))
}

function main(): void {
  const out: DevRow[] = []
  const seen = new Set<string>()
  for (const [key, read] of [
    ['meia', readMeia],
    ['sfu', readSfu],
    ['prensa', readPrensa],
  ] as const) {
    const source = SOURCES[key]
    const mirror = option(key, source.mirror)
    if (!existsSync(mirror)) {
      console.warn(`skipping ${source.name}: no snapshot of ${source.repository} at ${mirror} (git clone --bare https://github.com/${source.repository} <dir>, then --${key} <dir>)`)
      continue
    }
    const rows = read(mirror).filter((r) => {
      if (!r.text || !(r.score >= 1 && r.score <= 5) || seen.has(r.text)) return false
      seen.add(r.text)
      return true
    })
    out.push(...split(rows))
  }
  if (out.length === 0) {
    console.error('No source available: nothing written.')
    process.exit(1)
  }
  mkdirSync(dirname(DEV_SET_PATH), { recursive: true })
  writeFileSync(DEV_SET_PATH, out.map((r) => JSON.stringify(r)).join('\n') + '\n')
  for (const name of new Set(out.map((r) => r.source))) {
    const of = out.filter((r) => r.source === name)
    const blindGroups = [...new Set(of.filter((r) => r.part === 'blind').map((r) => r.group))]
    console.log(`${name}: ${of.length} texts, tuning ${of.filter((r) => r.part === 'tuning').length}, blind ${of.filter((r) => r.part === 'blind').length} (${blindGroups.length} groups: ${blindGroups.slice(0, 8).join(', ')}${blindGroups.length > 8 ? ', …' : ''})`)
  }
  console.log(`→ ${DEV_SET_PATH}`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
