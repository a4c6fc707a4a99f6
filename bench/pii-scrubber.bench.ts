// The personal-data scrubber: precision and recall on the labeled corpus (tests/fixtures/pii),
// throughput on export-sized input, and the worst hostile message. `npx tsx bench/pii-scrubber.bench.ts`
import { evaluate, loadCorpus } from '../tests/fixtures/pii/evaluate'
import { emptyScrubCounts, knownNames, scrubInto, scrubPersonalData } from '../src/main/curate/pii-scrubber'

const pct = (x: number) => `${(x * 100).toFixed(1)} %`
for (const split of ['dev', 'holdout'] as const) {
  const s = evaluate([split])
  console.log(
    `| ${split} | ${s.cases} cases, ${s.values} values | ${pct(s.recall)} (${s.removed}/${s.values}) | ${pct(s.rightKind / s.cases)} | ` +
      `${s.stayUnchanged}/${s.stayLines} unchanged, ${s.kept}/${s.keep} kept beside PII |`,
  )
}

// 100,000 rows as an export sees them: mostly ordinary chat, one in five with personal data.
const { pii, stay } = loadCorpus()
const rows: string[] = []
for (let i = 0; i < 100_000; i++) rows.push(i % 5 === 0 ? pii[i % pii.length]!.text : stay[i % stay.length]!.text)
const names = knownNames(['Ana Pérez'])
for (let round = 0; round < 2; round++) {
  const totals = emptyScrubCounts()
  const started = performance.now()
  for (const row of rows) scrubInto(row, totals, { names })
  const ms = performance.now() - started
  if (round === 1) console.log(`100,000 rows (20 % with personal data), contact name known: ${ms.toFixed(0)} ms, ${((rows.length / ms) * 1000).toFixed(0)} rows/s`)
}

const line = 'Hola, me llamo Ana, mi cel es 300 123 4567 y el correo ana@gmail.com; vivo en Calle 45 # 12-34 apto 501. Cuesta $89.000, pedido #45821. '
const message = line.repeat(Math.ceil(65_536 / line.length)).slice(0, 65_536)
const median = (f: () => void) => {
  const times: number[] = []
  for (let i = 0; i < 9; i++) {
    const t = performance.now()
    f()
    times.push(performance.now() - t)
  }
  return times.sort((a, b) => a - b)[4]!
}
console.log(`64 KB message dense with personal data: ${median(() => scrubPersonalData(message, { names })).toFixed(1)} ms (median of 9)`)
let worst = { unit: '', ms: 0 }
for (const unit of ['1', '1 ', '1.', '1-', 'a', 'a@', 'arroba ', '😀', '１', 'soy Ana ', 'Calle ', '12345678Z ', 'cc ']) {
  const run = unit.repeat(Math.ceil(50_000 / unit.length)).slice(0, 50_000)
  const ms = median(() => scrubPersonalData(run + 'x', { names }))
  if (ms > worst.ms) worst = { unit, ms }
}
console.log(`worst 50,000-character run of one class: ${JSON.stringify(worst.unit)} ${worst.ms.toFixed(1)} ms (median of 9)`)
