import { describe, expect, it } from 'vitest'
import { es, type MessageKey } from '../../src/renderer/src/i18n/es'
import { en } from '../../src/renderer/src/i18n/en'
import type { Translate } from '../../src/renderer/src/i18n/i18n'
import { countryOf, shopCountries, shopNumberLocales } from '../../src/renderer/src/screens/setup/countries-view'
import { formatBytes } from '../../src/renderer/src/number-format'
import {
  formatEta,
  formatTrainingTime,
  mergePull,
  nextOpenStep,
  opensAtStart,
  orderedOptions,
  pullLabel,
  startStep,
  timezoneChoices,
  timezoneLabel,
  visiblePulls,
} from '../../src/renderer/src/screens/setup/setup-model'
import { SETUP_STEPS, type ModelPlanDto, type ModelPlanOption, type ModelPullDto, type SetupDto, type SetupStepId } from '../../src/shared/setup'

const t: Translate = (key: MessageKey, vars) => es[key].replace(/\{(\w+)\}/g, (whole, name: string) => (vars && name in vars ? String(vars[name]) : whole))

function setup(over: Partial<Record<SetupStepId, { done?: boolean; skipped?: boolean }>>, rest: Partial<SetupDto> = {}): SetupDto {
  return {
    steps: SETUP_STEPS.map((id) => ({ id, done: over[id]?.done ?? false, skipped: over[id]?.skipped ?? false })),
    current: null,
    complete: false,
    dismissed: false,
    ...rest,
  }
}

const option = (id: string, over: Partial<ModelPlanOption> = {}): ModelPlanOption => ({
  id,
  family: 'Qwen 2.5',
  sizeLabel: '1.5',
  answerModel: `qwen2.5:${id}-instruct`,
  trainingBase: `qwen2.5:${id}-instruct-fp16`,
  downloadBytes: 1e9,
  trainingDownloadBytes: 3e9,
  memoryBytes: 2e9,
  tokensPerSecond: 20,
  speed: 'usable',
  fits: true,
  canTrain: true,
  trainingReason: null,
  minutesPer100Examples: { low: 10, high: 20 },
  recommended: false,
  installed: { answer: false, trainingBase: false },
  ...over,
})

const pull = (name: string, over: Partial<ModelPullDto> = {}): ModelPullDto => ({
  name,
  state: 'downloading',
  completedBytes: 0,
  totalBytes: null,
  percent: null,
  bytesPerSecond: null,
  etaSeconds: null,
  error: null,
  retrying: false,
  startedAt: 1,
  updatedAt: 1,
  ...over,
})

describe('Primeros pasos: where the assistant goes', () => {
  it('opens at start only while not complete and not closed, on the step the owner left', () => {
    expect(opensAtStart(setup({}))).toBe(true)
    expect(opensAtStart(setup({}, { dismissed: true }))).toBe(false)
    expect(opensAtStart(setup({}, { complete: true }))).toBe(false)
    expect(startStep(setup({ shop: { done: true } }, { current: 'catalog' }))).toBe('catalog')
    // No remembered step: the first one not done.
    expect(startStep(setup({ shop: { done: true }, model: { done: true } }))).toBe('catalog')
  })

  it('moves on past done and skipped steps, wrapping to an earlier open one, and stops when none is left', () => {
    const state = setup({ shop: { done: true }, model: { skipped: true }, whatsapp: { done: true } })
    expect(nextOpenStep(state, 'shop')).toBe('catalog')
    expect(nextOpenStep(state, 'catalog')).toBe('test')
    expect(nextOpenStep(setup({ shop: { done: true }, model: { skipped: true }, catalog: {}, whatsapp: { done: true }, test: { done: true } }), 'test')).toBe('catalog')
    expect(nextOpenStep(setup({ shop: { done: true }, model: { done: true }, catalog: { skipped: true }, whatsapp: { skipped: true }, test: { done: true } }), 'test')).toBeNull()
  })
})

describe('Primeros pasos: the model plan and downloads in words', () => {
  it('lists the recommended option first whatever the core’s order', () => {
    const plan: ModelPlanDto = {
      hardware: { totalMemoryBytes: 8e9, cpuCores: 4, gpu: null, source: 'injected' },
      options: [option('0.5b'), option('1.5b'), option('3b')],
      recommendedId: '1.5b',
      current: { answerModel: 'llama3.1:8b', planId: null },
    }
    expect(orderedOptions(plan).map((o) => o.id)).toEqual(['1.5b', '0.5b', '3b'])
  })

  it('writes sizes with the shop’s number format', () => {
    expect(formatBytes('es-CO', 4_700_000_000)).toBe('4,7\u00a0GB')
    expect(formatBytes('es-MX', 4_700_000_000)).toBe('4.7\u00a0GB')
    expect(formatBytes('es-CO', 350_000_000)).toBe('350\u00a0MB')
  })

  it('says the time left and the training time as a person would', () => {
    expect(formatEta(20, t)).toBe('menos de un minuto')
    expect(formatEta(12 * 60 + 10, t)).toBe('unos 12 min')
    expect(formatEta(2 * 3600 + 10 * 60, t)).toBe('unas 2 h 10 min')
    expect(formatTrainingTime({ low: 12.4, high: 31.8 }, t)).toBe('12 a 32 min')
    expect(formatTrainingTime({ low: 100, high: 260 }, t)).toBe('2 a 4 h')
  })

  it('keeps the newest state of each download and hides finished ones except those the step followed', () => {
    let pulls = mergePull([], pull('a', { updatedAt: 5, percent: 50 }))
    pulls = mergePull(pulls, pull('a', { updatedAt: 3, percent: 20 }))
    expect(pulls[0]!.percent).toBe(50)
    pulls = mergePull(pulls, pull('b', { state: 'done', updatedAt: 6 }))
    pulls = mergePull(pulls, pull('c', { state: 'failed', updatedAt: 7 }))
    expect(visiblePulls(pulls, []).map((p) => p.name)).toEqual(['a', 'c'])
    expect(visiblePulls(pulls, ['b']).map((p) => p.name)).toEqual(['a', 'b', 'c'])
  })

  it('names a download as the plan cards name its model, not by its Ollama tag', () => {
    const plan: ModelPlanDto = {
      hardware: { totalMemoryBytes: 8e9, cpuCores: 4, gpu: null, source: 'injected' },
      options: [option('0.5b', { sizeLabel: '0.5' }), option('1.5b', { family: 'Llama 3.2', sizeLabel: '1' })],
      recommendedId: '0.5b',
      current: { answerModel: 'llama3.1:8b', planId: null },
    }
    expect(pullLabel('qwen2.5:0.5b-instruct', plan, t)).toBe('Qwen 2.5 0.5B')
    expect(pullLabel('qwen2.5:1.5b-instruct-fp16', plan, t)).toBe('Llama 3.2 1B (base para aprender)')
    // Outside the plans, or before the plan has loaded: the tag is all there is.
    expect(pullLabel('mistral:7b', plan, t)).toBe('mistral:7b')
    // Before the plan arrives, a model of the plans is still named as its card names it.
    expect(pullLabel('qwen2.5:0.5b-instruct', null, t)).toBe('Qwen 2.5 0.5B')
    expect(pullLabel('mistral:7b', null, t)).toBe('mistral:7b')
  })
})

describe('Primeros pasos: countries and time zones from lists', () => {
  it('lists the countries alphabetically in Spanish, each with a zone, and finds one by code', () => {
    const names = shopCountries().map((c) => c.name)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'es')))
    expect(names).toContain('México')
    expect(countryOf('MX')?.timezones[0]).toBe('America/Mexico_City')
    expect(countryOf('XX')).toBeNull()
    expect(shopNumberLocales()).toContain('es-CO')
  })

  it('offers the country’s zones, every zone after «otra», and never drops the zone saved now', () => {
    const all = ['Europe/Madrid', 'America/Bogota', 'Asia/Tokyo']
    expect(timezoneChoices(['America/Bogota'], false, 'America/Bogota', all)).toEqual(['America/Bogota'])
    expect(timezoneChoices(['America/Bogota'], true, 'America/Bogota', all)).toEqual(['America/Bogota', 'Europe/Madrid', 'Asia/Tokyo'])
    expect(timezoneChoices(['America/Bogota'], false, 'Asia/Tokyo', all)).toEqual(['America/Bogota', 'Asia/Tokyo'])
    expect(timezoneLabel('America/Argentina/Buenos_Aires')).toBe('Buenos Aires (America/Argentina)')
  })
})

describe('the assistant’s texts', () => {
  it('has every Spanish key in English too, and no terminal command for the owner', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort())
    const spanish = Object.values(es).join('\n')
    expect(spanish).not.toMatch(/ollama (pull|serve|run)|npm run/)
  })
})
