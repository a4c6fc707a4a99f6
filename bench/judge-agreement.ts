// Issue 16: before the LLM judge is turned on by default, measure how far the shop's own model
// agrees with the labels of the development set, alone and folded into the automatic score as the
// app folds it (llm-judge.ts). Runs where an Ollama server and a model are reachable:
//
//   OLLAMA_HOST=http://127.0.0.1:11434 AUTODIDACTA_JUDGE_MODEL=qwen2.5:0.5b npx tsx bench/judge-agreement.ts [--n 300]
//
// Skips with a message when the server, the model or the external set (scripts/scorer/build-dev-set.ts)
// is missing. Prints markdown: the judge, the scorer and the two together on the blind part of the
// external set (a seeded sample) and on blind set 2 of the project's replies.
import { fileURLToPath } from 'node:url'
import { judgeMessages, parseJudgeScore, withJudge } from '../src/main/evaluate/llm-judge'
import { scoreMessage } from '../src/main/evaluate/message-scorer'
import { SentimentModel } from '../src/main/evaluate/sentiment-model'
import { SENTIMENT_WEIGHTS } from '../src/main/evaluate/sentiment-weights'
import { mulberry32 } from '../src/main/kernel/hash'
import { OllamaProvider } from '../src/main/llm/ollama-provider'
import { EXTERNAL_MISSING, fiveLevels, loadExternal, scoreMeasures } from '../tests/support/scorer-external'
import { loadTestSet, PARTS } from '../tests/support/scorer-testset'

interface Row {
  text: string
  score: 1 | 2 | 3 | 4 | 5
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`

function sample<T>(rows: readonly T[], n: number, seed: number): T[] {
  const random = mulberry32(seed)
  const copy = [...rows]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy.slice(0, n)
}

async function measure(name: string, rows: readonly Row[], ask: (text: string) => Promise<number | null>, model: SentimentModel): Promise<string[]> {
  const gold: number[] = []
  const judged: number[] = []
  const scored: number[] = []
  const together: number[] = []
  let unanswered = 0
  for (const row of rows) {
    const judge = await ask(row.text)
    const auto = scoreMessage({ text: row.text }, { sentiment: model })
    if (judge === null) {
      unanswered++
      continue
    }
    gold.push(row.score)
    judged.push(judge)
    scored.push(auto.score)
    together.push(withJudge(auto.score, auto.confidence, judge).score)
  }
  const line = (who: string, predicted: number[]) => {
    const m = scoreMeasures(gold, predicted)
    return `| ${name} | ${gold.length} | ${who} | ${m.polarityMacroF1.toFixed(3)} | ${pct(m.withinOne)} | ${pct(m.exact)} |`
  }
  const agree = judged.filter((j, i) => Math.abs(j - scored[i]!) <= 1).length / Math.max(1, judged.length)
  return [
    line('LLM judge alone', judged),
    line('automatic score (rules + model)', scored),
    line('automatic score with the judge, as the app folds them', together),
    `| ${name} | | judge within ±1 of the automatic score: ${pct(agree)}; no digit in the answer: ${unanswered} | | | |`,
  ]
}

async function main(): Promise<void> {
  const host = process.env.OLLAMA_HOST ?? 'http://127.0.0.1:11434'
  const judgeModel = process.env.AUTODIDACTA_JUDGE_MODEL ?? 'qwen2.5:0.5b'
  const n = Number(process.argv[process.argv.indexOf('--n') + 1] ?? 300) || 300
  const external = loadExternal()
  if (!external) {
    console.log(`Skipped: ${EXTERNAL_MISSING}`)
    return
  }
  const ollama = new OllamaProvider({ host, timeoutMs: 120_000 })
  const health = await ollama.health(judgeModel).catch(() => null)
  if (!health || health.state === 'unreachable' || health.state === 'error') {
    console.log(`Skipped: no Ollama server answers at ${host} (set OLLAMA_HOST).`)
    return
  }
  if (health.state !== 'ready') {
    console.log(`Skipped: the model ${judgeModel} is not in that Ollama (set AUTODIDACTA_JUDGE_MODEL or pull it).`)
    return
  }
  const ask = async (text: string): Promise<number | null> => {
    const result = await ollama.chat({ model: judgeModel, messages: judgeMessages({ question: '', answer: '', reaction: text }), temperature: 0, maxTokens: 8, contextTokens: 2048 })
    return parseJudgeScore(result.text)
  }
  const model = SentimentModel.decode(SENTIMENT_WEIGHTS)
  const blind = sample(fiveLevels(external.filter((r) => r.part === 'blind')), n, 16)
  const project = loadTestSet().slice(PARTS[2].from, PARTS[2].to)
  const started = performance.now()
  const lines = [
    `# LLM judge agreement (${judgeModel} at ${host})`,
    '',
    '| data | n | scorer | polarity macro-F1 | score ±1 | score exact |',
    '|---|---|---|---|---|---|',
    ...(await measure('external blind (sample)', blind, ask, model)),
    ...(await measure('project blind set 2', project, ask, model)),
    '',
    `${blind.length + project.length} judge calls in ${((performance.now() - started) / 1000).toFixed(0)} s.`,
    'Turn the judge on by default only where "with the judge" beats the automatic score on both data sets.',
  ]
  console.log(lines.join('\n'))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main()
