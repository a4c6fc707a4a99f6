import { createElement, type ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ApiContext } from '../../src/renderer/src/api/api-context'
import { es, type MessageKey } from '../../src/renderer/src/i18n/es'
import { I18nProvider, type Translate } from '../../src/renderer/src/i18n/i18n'
import { formatMetricPair, formatters, formatVersionName } from '../../src/renderer/src/number-format'
import { KeyFigures } from '../../src/renderer/src/screens/stats/KeyFigures'
import { DatasetList } from '../../src/renderer/src/screens/training/DatasetList'
import { ModelVersions } from '../../src/renderer/src/screens/training/ModelVersions'
import { plainReasons, ValidationTable } from '../../src/renderer/src/screens/training/ValidationTable'
import type { ApiClient } from '../../src/shared/api/client'
import { OWNER_ANSWERS_MODEL, type DatasetDto, type ExchangeDto, type ModelVersionDto, type StatsDto, type ValidationReport } from '../../src/shared/types'
import { ExchangeCard, type ExchangeActions } from '../../src/renderer/src/screens/review/ExchangeCard'
import { Bubble } from '../../src/renderer/src/screens/conversations/Thread'
import { runSource, upsertRun } from '../../src/renderer/src/screens/training/training-state'
import { modelLabel } from '../../src/renderer/src/screens/stats/stats-model'
import { DatasetForm } from '../../src/renderer/src/screens/training/DatasetForm'
import type { LearningSettings, MessageDto, TrainingRunDto } from '../../src/shared/types'

/*
 * Issue 15: numbers follow the shop's locale, not the browser's (node's default here is en-US,
 * as a computer installed in English would be); model versions read "Versión 1 (entrenada el
 * 3 de dic)"; the validation report never says "menos" beside two equal-looking numbers; the
 * measures' technical names wait in "Detalles técnicos". The components render for real
 * (react-dom/server), inside the same I18nProvider the app uses.
 */

const DEC_3 = new Date(new Date().getFullYear(), 11, 3, 10).getTime()

function render(element: ReactElement, numberLocale = 'es-CO'): string {
  return renderToStaticMarkup(createElement(I18nProvider, { locale: 'es', numberLocale, children: element }))
}

/** Visible text only, with the technical folds cut out: what the owner reads without clicking. */
function ownerText(html: string): string {
  return html
    .replace(/<details class="tech-details"[\s\S]*?<\/details>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
}

const t: Translate = (key, vars) => {
  const template: string = es[key]
  return vars ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : template
}

const version = (over: Partial<ModelVersionDto>): ModelVersionDto => ({
  id: 'v1',
  name: 'autodidacta-tecnovariedades-d-s:v1',
  version: 1,
  source: 'finetune',
  baseModel: 'qwen2.5:0.5b',
  trainingRunId: 'run-1',
  validation: null,
  isLive: true,
  createdAt: DEC_3,
  deployedAt: DEC_3,
  ...over,
})

const report = (over: Partial<ValidationReport> = {}): ValidationReport => ({
  examples: 1704,
  perplexityUnit: 'token',
  comparedWith: 'live',
  live: { model: 'autodidacta-tecnovariedades-d-s:v0', perplexity: 3.284, chrf: 22.49 },
  candidate: { model: 'autodidacta-tecnovariedades-d-s:v1', perplexity: 3.281, chrf: 22.46 },
  better: false,
  reasons: ['Las respuestas generadas se parecen menos a las de referencia (chrF 22,5 → 22,5).'],
  samples: [],
  ...over,
})

describe('numbers in the shop’s locale', () => {
  it('writes the key figures as a Colombian shop reads them, whatever the browser’s language', () => {
    const stats = {
      keyFigures: {
        conversationsToday: 2002,
        exchanges: 1704,
        highQuality: 417,
        successRate: 0.245,
        meanScore: 3.28,
        liveModel: { name: 'autodidacta-tecnovariedades-d-s:v1', cloud: null, version: 1, source: 'finetune', createdAt: DEC_3, deployedAt: DEC_3 },
      },
    } as unknown as StatsDto
    const colombia = ownerText(render(createElement(KeyFigures, { stats })))
    expect(colombia).toContain('2.002')
    expect(colombia).toContain('1.704')
    expect(colombia).toContain('24,5 %')
    expect(colombia).toContain('3,28')
    expect(colombia).not.toMatch(/\b\d,\d{3}\b|\b\d+\.\d{1,2}\b/)
    // The live model by its number and date; the Ollama tag only in the tooltip.
    expect(colombia).toContain('Versión 1 (entrenada el 3 de dic')
    expect(colombia).not.toContain('autodidacta-tecnovariedades-d-s:v1')

    // The owner's own answers are counted in the figure, and said to be.
    expect(colombia).toContain('respuestas del bot en el periodo')
    const withOwner = ownerText(render(createElement(KeyFigures, { stats: { ...stats, ownerAnswers: { exchanges: 1200, meanScore: 5, successRate: null, firstDay: '2026-11-01', lastDay: '2026-12-01' } } })))
    expect(withOwner).toContain('1.200 las escribiste tú')
    expect(withOwner).not.toContain('respuestas del bot en el periodo')

    const mexico = ownerText(render(createElement(KeyFigures, { stats }), 'es-MX'))
    expect(mexico).toContain('1,704')
    expect(mexico).toContain('24.5 %')
  })

  it('writes dataset counts and dates in the shop’s locale', () => {
    const dataset = {
      id: 'd1',
      name: 'mayo',
      status: 'ready',
      createdAt: DEC_3,
      trainCount: 1704,
      validationCount: 2002,
      path: null,
      error: null,
      manifest: null,
    } as unknown as DatasetDto
    const text = ownerText(render(createElement(DatasetList, { datasets: [dataset] })))
    expect(text).toContain('1.704')
    expect(text).toContain('2.002')
    // Day before month, as in Colombia (en-US would write "Dec 3").
    expect(text).toMatch(/\b3\/12\/\d{4}/)
    expect(text).not.toContain('Dec')
  })
})

describe('model versions in the owner’s words', () => {
  it('names a version by its number and the day it was made', () => {
    expect(formatVersionName('es-CO', t, { version: 1, source: 'finetune', createdAt: DEC_3 })).toBe('Versión 1 (entrenada el 3 de dic)')
    expect(formatVersionName('es-CO', t, { version: 0, source: 'base', createdAt: DEC_3 })).toBe('Versión 0 (la original)')
  })

  it('lists versions by name and date, with the Ollama tag and the measures behind "Detalles técnicos"', () => {
    const v0 = version({ id: 'v0', name: 'autodidacta-tecnovariedades-d-s:v0', version: 0, source: 'base', isLive: false, trainingRunId: null })
    const v1 = version({ validation: report() })
    // Rendering calls nothing on the API; the list only needs one to exist.
    const api = {} as unknown as ApiClient
    const html = render(createElement(ApiContext.Provider, { value: api }, createElement(ModelVersions, { versions: [v1, v0], liveModel: v1.name, onVersions: () => {} })))
    const text = ownerText(html)
    expect(text).toContain('Versión 1 (entrenada el 3 de dic')
    expect(text).toContain('No mejor que Versión 0 (la original)')
    expect(text).not.toContain('autodidacta-tecnovariedades-d-s')
    expect(text).not.toMatch(/chrF|perplejidad/i)
    // The two chrF values differ, so they are written so that they read differently.
    expect(text).toContain('22,46 de 100 (antes 22,49)')
    expect(html).toContain('Detalles técnicos')
    expect(html).toContain('autodidacta-tecnovariedades-d-s:v1')
  })

  it('says which version wrote a reply in Revisión, and "Respondiste tú" for the owner’s own', () => {
    const v1 = version({})
    const actions = new Proxy({}, { get: () => () => Promise.resolve(true) }) as unknown as ExchangeActions
    const card = (model: string) =>
      ownerText(
        render(
          createElement(ExchangeCard, {
            exchange: { ...exchangeBase, model },
            focused: false,
            selected: false,
            editing: false,
            left: false,
            leftLabel: '',
            actions,
            versions: [v1],
          }),
        ),
      )
    const byVersion = card(v1.name)
    expect(byVersion).toContain('Respondió Versión 1 (entrenada el 3 de dic')
    expect(byVersion).not.toContain('autodidacta-tecnovariedades-d-s')
    expect(card(OWNER_ANSWERS_MODEL)).toContain('Respondiste tú')
    expect(card(OWNER_ANSWERS_MODEL)).not.toContain('dueño')
    // A model of the plans outside the shop's versions is named as its plan card names it; one outside the plans keeps its tag.
    expect(card('llama3.1:8b')).toContain('Respondió Llama 3.1 8B')
    expect(card('mistral:7b')).toContain('Respondió mistral:7b')
  })
})

describe('model versions in Conversaciones and in a training run', () => {
  // Only the fields a text bubble reads; media fields stay out of a text message.
  const botMessage = (model: string): MessageDto => ({
    id: 'm1',
    conversationId: 'c1',
    direction: 'out',
    author: 'bot',
    kind: 'text',
    text: 'Claro, te cuento.',
    status: 'delivered',
    replyState: null,
    model,
    template: null,
    guardrails: [],
    error: null,
    createdAt: DEC_3,
    media: null,
    transcript: null,
    transcriptStatus: null,
    mediaDescription: null,
  }) as MessageDto

  it('a chat bubble names the version that wrote it, keeps other models and the cloud as they are', () => {
    const v1 = version({})
    const bubble = (model: string) => ownerText(render(createElement(Bubble, { message: botMessage(model), versions: [v1] })))
    expect(bubble(v1.name)).toContain('Respondió Versión 1 (entrenada el 3 de dic')
    expect(bubble(v1.name)).not.toContain('autodidacta-tecnovariedades-d-s')
    expect(bubble('llama3.1:8b')).toContain('Respondió Llama 3.1 8B')
    expect(bubble('qwen2.5:0.5b-instruct-fp16')).toContain('Respondió Qwen 2.5 0.5B (base para aprender)')
    expect(bubble('mistral:7b')).toContain('Respondió mistral:7b')
    expect(bubble('cloud:gpt-4o-mini')).toContain('Respondió gpt-4o-mini (nube)')
    // One of the app's own tags no longer listed (the demo's, or deleted in Ollama) still reads as a version.
    expect(bubble('autodidacta-tienda:v2')).toContain('Respondió Versión 2 ·')
  })

  it('the chart of versions in Estadísticas names models as the chat does, never by their Ollama tag', () => {
    const fmt = formatters('es-CO', t)
    const label = (name: string): string =>
      modelLabel({ model: name, version: null }, t('stats.models.unknown'), (v) => t('version.short', { version: v }), (m) => fmt.modelName(m, []))
    expect(label('cloud:llama-3.1-8b-instant')).toBe('llama-3.1-8b-instant (nube)')
    expect(label('llama3.1:8b')).toBe('Llama 3.1 8B')
    expect(label('autodidacta-tienda:v1')).toBe('Versión 1')
  })

  it('a run says which version it started from, in the same words', () => {
    const v0 = version({ id: 'v0', name: 'llama3.1:8b', version: 0, source: 'base', isLive: true, trainingRunId: null })
    const run = { backend: 'prompt', baseModel: 'llama3.1:8b', params: {} } as unknown as TrainingRunDto
    const fmt = formatters('es-CO', t)
    expect(runSource(run, [], t, (model) => fmt.modelName(model, [v0]))).toBe('a partir de Versión 0 (la original)')
    expect(runSource(run, [], t, (model) => fmt.modelName(model, []))).toBe('a partir de Llama 3.1 8B')
  })
})

describe('a training run on screen', () => {
  it('is never taken back to an older state by the late answer of "training.start"', () => {
    const base = { id: 'r1', backend: 'prompt', baseModel: 'llama3.1:8b', params: {}, createdAt: 1 } as unknown as TrainingRunDto
    const queued = { ...base, status: 'queued', stage: null } as TrainingRunDto
    const validating = { ...base, status: 'running', stage: 'validating' } as TrainingRunDto
    const done = { ...base, status: 'succeeded', stage: null } as TrainingRunDto
    expect(upsertRun([validating], queued)).toEqual([validating])
    expect(upsertRun([queued], validating)).toEqual([validating])
    expect(upsertRun([validating], done)).toEqual([done])
  })
})

describe('number fields the owner types in', () => {
  it('asks for the duplicate similarity as a whole percentage, never as "0.85"', () => {
    const learning: LearningSettings = {
      minScore: 4,
      noReplyHours: 24,
      llmJudge: false,
      ownerClassifierMinReviews: 20,
      nearDuplicateThreshold: 0.85,
      maxPerCategoryShare: 0.4,
      validationRatio: 0.1,
      contextTurns: 2,
    }
    const html = render(createElement(DatasetForm, { learning, busy: false, demoMode: false, onSubmit: () => {} }))
    const field = /Parecido para contar como duplicado \(%\)<input([^>]*)>/.exec(html)?.[1] ?? ''
    expect(field).toContain('value="85"')
    expect(field).toContain('step="1"')
    expect(html).not.toMatch(/value="0\.\d+"/)
  })
})

const exchangeBase: ExchangeDto = {
  id: 'e1', conversationId: 'c1', customerName: 'Ana', userMessage: '¿Cuánto cuesta?', botResponse: 'Cuesta $89.000', correctedResponse: null,
  context: [], productId: null, productName: null, category: 'consulta_precio', qualityScore: null, autoScore: 4, autoScoreSource: 'rules',
  autoConfidence: 0.7, manualScore: null, wasSuccessful: null, userFeedback: null, reviewStatus: 'pending', model: null, isDemo: false,
  createdAt: DEC_3, evaluatedAt: DEC_3, reviewedAt: null,
}

describe('the validation report agrees with its numbers', () => {
  it('shows two close values with the decimals that tell them apart', () => {
    expect(formatMetricPair('es-CO', 22.49, 22.46)).toEqual(['22,49', '22,46'])
    expect(formatMetricPair('es-CO', 22.5, 22.5)).toEqual(['22,5', '22,5'])
    // Far apart, each keeps its own precision: "100 de 100, antes 4,70", not "100,00".
    expect(formatMetricPair('es-CO', 4.7, 100)).toEqual(['4,70', '100'])
    expect(formatMetricPair('en-US', 3.2841, 3.2839)).toEqual(['3.2841', '3.2839'])
  })

  it('says "menos" only with numbers that show less, and "lo mismo" when they are equal', () => {
    const fmt = formatters('es-CO', t)
    const lower = plainReasons(report(), t, fmt)
    expect(lower[0]).toBe('Las respuestas de la versión nueva se parecen menos a las tuyas: 22,46 de 100, antes 22,49.')
    const same = plainReasons(report({ candidate: { model: 'x', perplexity: null, chrf: 22.49 }, live: { model: 'y', perplexity: null, chrf: 22.49 } }), t, fmt)
    expect(same).toEqual(['Las respuestas de la versión nueva se parecen a las tuyas lo mismo que antes: 22,5 de 100.'])
  })

  it('puts the shop basics first when the new version forgot one, and says it kept them otherwise', () => {
    const fmt = formatters('es-CO', t)
    const lost = plainReasons(report({ basics: { questions: 6, live: 6, candidate: 5, forgotten: ['el precio de Parlante 20W'], ok: false } }), t, fmt)
    expect(lost[0]).toBe('Olvidó lo básico de la tienda: el precio de Parlante 20W. Por eso no se pone en uso.')
    const kept = plainReasons(report({ basics: { questions: 6, live: 5, candidate: 6, forgotten: [], ok: true } }), t, fmt)
    expect(kept.at(-1)).toBe('Sigue respondiendo bien lo básico de la tienda (6 de 6: saludo, precios, envíos y pagos).')
  })

  it('puts chrF, perplexity and the Ollama tags behind "Detalles técnicos"', () => {
    const v0 = version({ id: 'v0', name: 'autodidacta-tecnovariedades-d-s:v0', version: 0, source: 'base', isLive: true, trainingRunId: null })
    const v1 = version({ isLive: false })
    const html = render(createElement(ValidationTable, { report: report(), outcome: 'kept', versions: [v1, v0] }))
    const text = ownerText(html)
    expect(text).toContain('sigue en uso Versión 0 (la original)')
    expect(text).toContain('Comparación en 1.704 conversaciones de prueba')
    expect(text).toContain('22,46 de 100, antes 22,49')
    // The table's cells tell the two sides apart too: "22,49 | 22,46", not "22,5 mejor | 22,5".
    expect(text).toMatch(/22,49 mejor 22,46/)
    expect(text).toMatch(/3,284 3,281 mejor/)
    expect(text).toContain('Nueva Versión 1 (entrenada el 3 de dic')
    expect(text).not.toMatch(/chrF|perplejidad|autodidacta-tecnovariedades/i)
    expect(html).toContain('chrF 22,5 → 22,5') // the core's own words stay available, one click away
  })
})

describe('no machine-learning jargon on the owner’s path', () => {
  // Keys shown outside "Detalles técnicos" on Entrenamiento, Revisión and the model and training parts of Ajustes.
  // Also the examples the bot learns from, wherever they are named: their form and list, the growth
  // chart, the next-step cards and the demo switch ("dataset" is our word, not the shop's).
  const OWNER_PATH = /^(training\.|settings\.training\.|settings\.llm\.|settings\.retrieval\.|review\.score\.|review\.source\.|capture\.|stats\.key\.model|dataset\.|stats\.growth\.|next\.|demo\.|settings\.demo\.)/
  // Shown only inside a technical fold, or a placeholder for a path a technician types.
  const INSIDE_FOLDS = new Set<MessageKey>(['settings.training.llamaBinDir.hint', 'training.train.base.path.placeholder'])
  const JARGON = /GGUF|LoRA|safetensors|chrF|perplejidad|épocas|tasa de aprendizaje|capas congeladas|embeddings|\btokens?\b|cuantiz|llama\.cpp|ajuste fino|confianza|captura|dataset/i

  it('says it as a shopkeeper would', () => {
    const offenders = (Object.keys(es) as MessageKey[]).filter((key) => OWNER_PATH.test(key) && !INSIDE_FOLDS.has(key) && JARGON.test(es[key]))
    expect(offenders.map((key) => `${key}: ${es[key]}`)).toEqual([])
  })
})
