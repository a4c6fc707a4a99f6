import { describe, expect, it } from 'vitest'
import { parsePullLine, PullTotals, SpeedMeter } from '../../../src/main/models-setup/pull-progress'
import { classifyOllamaPullError } from '../../../src/main/models-setup/pull-errors'

const A = 'sha256:' + 'a'.repeat(64)
const B = 'sha256:' + 'b'.repeat(64)

describe("Ollama's /api/pull progress", () => {
  it('sums the layers as they are reported, in any order, and never goes back on a late line', () => {
    const lines = [
      '{"status":"pulling manifest"}',
      `{"status":"pulling aaaaaaaaaaaa","digest":"${A}","total":1000}`,
      `{"status":"pulling aaaaaaaaaaaa","digest":"${A}","total":1000,"completed":400}`,
      `{"status":"pulling bbbbbbbbbbbb","digest":"${B}","total":200,"completed":200}`,
      `{"status":"pulling aaaaaaaaaaaa","digest":"${A}","total":1000,"completed":300}`,
      'not json',
      '',
    ]
    const totals = new PullTotals()
    for (const text of lines) {
      const line = parsePullLine(text)
      if (line) totals.apply(line)
    }
    expect(totals.totalBytes).toBe(1200)
    expect(totals.completedBytes).toBe(600)
    expect(totals.percent).toBe(50)
  })

  it('reads verifying, success and error lines', () => {
    expect(parsePullLine('{"status":"pulling manifest"}')).toEqual({ kind: 'status', status: 'pulling manifest' })
    expect(parsePullLine('{"status":"verifying sha256 digest"}')).toEqual({ kind: 'verifying' })
    expect(parsePullLine('{"status":"success"}')).toEqual({ kind: 'success' })
    expect(parsePullLine('{"error":"pull model manifest: file does not exist"}')).toEqual({ kind: 'error', message: 'pull model manifest: file does not exist' })
    expect(new PullTotals().totalBytes).toBeNull()
  })

  it('smooths the speed, and a resumed download’s first reading is not counted as speed', () => {
    const meter = new SpeedMeter(3_000)
    meter.sample(0, 0)
    for (let t = 1; t <= 10; t++) meter.sample(t * 1_000_000, t * 1_000) // 1 MB/s
    expect(meter.bytesPerSecond).toBe(1_000_000)
    expect(meter.etaSeconds(5_000_000)).toBe(5)
    // One fast second moves it only part of the way.
    meter.sample(14_000_000, 11_000)
    expect(meter.bytesPerSecond!).toBeGreaterThan(1_000_000)
    expect(meter.bytesPerSecond!).toBeLessThan(3_000_000)
    // After a reconnection, Ollama reports the bytes it already had at once: a baseline, not a burst.
    const before = meter.bytesPerSecond
    meter.restart()
    meter.sample(600_000_000, 12_000)
    expect(meter.bytesPerSecond).toBe(before)
    expect(new SpeedMeter().etaSeconds(100)).toBeNull()
  })

  it('tells the owner, in Spanish, what went wrong and whether it will retry by itself', () => {
    expect(classifyOllamaPullError('qwen9:1b', 'pull model manifest: file does not exist')).toEqual({ message: expect.stringContaining('«qwen9:1b»'), transient: false })
    expect(classifyOllamaPullError('x', 'write /root/.ollama/models/blobs/sha256-abc-partial: no space left on device')).toMatchObject({ transient: false, message: expect.stringMatching(/espacio/) })
    expect(
      classifyOllamaPullError('x', 'pull model manifest: Get "https://registry.ollama.ai/v2/library/x/manifests/latest": dial tcp: lookup registry.ollama.ai: no such host'),
    ).toMatchObject({ transient: true, message: expect.stringMatching(/internet/) })
    expect(classifyOllamaPullError('x', 'max retries exceeded: read: connection reset by peer')).toMatchObject({ transient: true })
  })
})
