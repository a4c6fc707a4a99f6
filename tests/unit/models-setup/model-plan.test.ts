import { describe, expect, it } from 'vitest'
import type { HardwareDto, ModelPlanDto } from '../../../src/shared/setup'
import { MODEL_CATALOG } from '../../../src/shared/model-catalog'
import { answerMemoryBytes, planFor, trainingFit, trainingMemoryBytes } from '../../../src/main/models-setup/model-plan'

const GiB = 1024 ** 3

function machine(memoryGb: number, cores: number, gpu: HardwareDto['gpu'] = null): HardwareDto {
  return { totalMemoryBytes: memoryGb * GiB, cpuCores: cores, gpu, source: 'injected' }
}

function plan(hardware: HardwareDto, extra: { installed?: string[]; currentModel?: string } = {}): ModelPlanDto {
  return planFor({ hardware, installed: extra.installed ?? [], currentModel: extra.currentModel ?? 'llama3.1:8b', epochs: 3 })
}

function recommended(result: ModelPlanDto) {
  const options = result.options.filter((o) => o.recommended)
  expect(options).toHaveLength(1)
  expect(result.options[0]).toBe(options[0])
  expect(result.recommendedId).toBe(options[0]!.id)
  return options[0]!
}

/** The rule itself: no option that can train at a usable speed is bigger than the recommended one. */
function expectLargestTrainable(result: ModelPlanDto): void {
  const chosen = recommended(result)
  expect(chosen.fits).toBe(true)
  expect(chosen.canTrain).toBe(true)
  expect(chosen.speed).not.toBe('slow')
  for (const option of result.options) {
    if (option.canTrain && option.speed !== 'slow') expect(Number(option.sizeLabel)).toBeLessThanOrEqual(Number(chosen.sizeLabel))
  }
}

describe('the model plan', () => {
  it('gives an 8 GB, a 16 GB and a 32 GB computer different plans, each the largest that answers at a usable speed and can train there', () => {
    const small = plan(machine(8, 4))
    const middle = plan(machine(16, 4))
    const large = plan(machine(32, 8))
    for (const result of [small, middle, large]) expectLargestTrainable(result)
    const ids = [small, middle, large].map((r) => r.recommendedId)
    expect(new Set(ids).size).toBe(3)
    expect(ids).toEqual(['qwen2.5-0.5b', 'qwen2.5-1.5b', 'qwen2.5-3b'])
    // Bigger computers get bigger models.
    expect(Number(recommended(small).sizeLabel)).toBeLessThan(Number(recommended(middle).sizeLabel))
    expect(Number(recommended(middle).sizeLabel)).toBeLessThan(Number(recommended(large).sizeLabel))
  })

  it('on 8 GB nothing it cannot train is recommended, and each larger model says why it cannot learn there', () => {
    const result = plan(machine(8, 4))
    const chosen = recommended(result)
    expect(chosen).toMatchObject({ family: 'Qwen 2.5', answerModel: 'qwen2.5:0.5b', trainingBase: 'qwen2.5:0.5b-instruct-fp16', canTrain: true })
    const eight = result.options.find((o) => o.id === 'llama3.1-8b')!
    expect(eight.canTrain).toBe(false)
    expect(eight.minutesPer100Examples).toBeNull()
    expect(eight.trainingReason).toMatch(/memoria/)
    expect(eight.speed).toBe('slow')
    for (const option of result.options.filter((o) => !o.canTrain)) expect(option.trainingReason).toMatch(/GB/)
  })

  it('each plan pairs an instruct model with the F16 tag of the same model', () => {
    for (const model of MODEL_CATALOG) {
      const [family, size] = model.answerModel.split(':')
      expect(model.trainingBase.startsWith(`${family}:${size}-instruct-fp16`)).toBe(true)
      expect(model.trainingDownloadBytes).toBeGreaterThan(model.downloadBytes)
    }
  })

  it('estimates training time as a range that grows with the model and shrinks with more cores', () => {
    const four = plan(machine(32, 4))
    const eight = plan(machine(32, 8))
    const minutes = (result: ModelPlanDto, id: string) => result.options.find((o) => o.id === id)!.minutesPer100Examples!
    for (const id of ['qwen2.5-0.5b', 'qwen2.5-1.5b']) {
      expect(minutes(four, id).low).toBeLessThan(minutes(four, id).high)
      expect(minutes(eight, id).high).toBeLessThan(minutes(four, id).high)
    }
    expect(minutes(four, 'qwen2.5-0.5b').high).toBeLessThan(minutes(four, 'qwen2.5-1.5b').high)
    // More epochs, more time.
    const longer = planFor({ hardware: machine(32, 4), installed: [], currentModel: 'x', epochs: 6 })
    expect(longer.options.find((o) => o.id === 'qwen2.5-0.5b')!.minutesPer100Examples!.high).toBeGreaterThan(minutes(four, 'qwen2.5-0.5b').high)
  })

  it('freezes lower layers only as far as needed to fit, and a frozen model needs less memory', () => {
    const model = MODEL_CATALOG.find((m) => m.id === 'qwen2.5-0.5b')!
    expect(trainingMemoryBytes(model, 12)).toBeLessThan(trainingMemoryBytes(model, 0))
    // BENCHMARKS: F32 weights, gradients and two AdamW moments of a 0.5 B model are ~8 GB, plus activations.
    expect(trainingMemoryBytes(model, 0) / 1e9).toBeGreaterThan(8)
    expect(trainingMemoryBytes(model, 0) / 1e9).toBeLessThan(10)
    expect(trainingFit(model, machine(64, 8))!.freezeLayers).toBe(0)
    const tight = trainingFit(model, machine(8, 4))!
    expect(tight.freezeLayers).toBeGreaterThan(0)
    expect(tight.memoryBytes + answerMemoryBytes(model)).toBeLessThan(8 * GiB)
  })

  it('answers faster when a graphics card holds the model', () => {
    const cpu = plan(machine(16, 4))
    const gpu = plan(machine(16, 4, { name: 'NVIDIA GeForce RTX 3060', memoryBytes: 12 * GiB }))
    const speed = (result: ModelPlanDto, id: string) => result.options.find((o) => o.id === id)!
    expect(speed(gpu, 'qwen2.5-7b').tokensPerSecond).toBeGreaterThan(speed(cpu, 'qwen2.5-7b').tokensPerSecond * 5)
    expect(speed(cpu, 'qwen2.5-7b').speed).toBe('slow')
    expect(speed(gpu, 'qwen2.5-7b').speed).toBe('fast')
  })

  it('on a computer too small to train anything it still recommends the smallest model that runs', () => {
    const result = plan(machine(4, 2))
    const chosen = recommended(result)
    expect(result.options.every((o) => !o.canTrain)).toBe(true)
    expect(chosen.id).toBe('qwen2.5-0.5b')
    expect(chosen.fits).toBe(true)
  })

  it('knows what is installed (aliases included) and which plan the model answering now belongs to', () => {
    const result = plan(machine(16, 4), { installed: ['qwen2.5:1.5b-instruct-q4_K_M', 'llama3.2:latest', 'qwen2.5:1.5b-instruct-fp16'], currentModel: 'llama3.2' })
    const option = (id: string) => result.options.find((o) => o.id === id)!
    expect(option('qwen2.5-1.5b').installed).toEqual({ answer: true, trainingBase: true })
    expect(option('llama3.2-3b').installed).toEqual({ answer: true, trainingBase: false })
    expect(option('qwen2.5-0.5b').installed).toEqual({ answer: false, trainingBase: false })
    expect(result.current).toEqual({ answerModel: 'llama3.2', planId: 'llama3.2-3b' })
    expect(plan(machine(16, 4), { currentModel: 'mistral:7b' }).current.planId).toBeNull()
  })
})
