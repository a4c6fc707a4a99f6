import { describe, expect, it } from 'vitest'
import { JudgeQueue } from '../../../src/main/evaluate/judge-queue'
import { silentLogger } from '../../../src/main/kernel/logger'
import { eventually } from '../../support/test-app'

/** A judge the test drives: each call waits until the test settles it, or its signal aborts it. */
function drivenJudge() {
  const calls: { id: string; signal: AbortSignal; settle: () => void }[] = []
  const judge = (id: string, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ id, signal, settle: resolve })
      signal.addEventListener('abort', () => reject(new Error('aborted')))
    })
  return { calls, judge }
}

describe('the LLM judge waits for a quiet shop', () => {
  it('judges nothing while a customer waits, then one exchange at a time, newest first', async () => {
    let waiting = true
    const { calls, judge } = drivenJudge()
    const queue = new JudgeQueue({ customerWaiting: () => waiting, judge, logger: silentLogger, retryMs: 10 })
    queue.add('older')
    queue.add('newer')
    await new Promise((r) => setTimeout(r, 60))
    expect(calls).toHaveLength(0)
    expect(queue.size).toBe(2)

    waiting = false
    await eventually(() => calls.length === 1)
    expect(calls[0]!.id).toBe('newer')
    await new Promise((r) => setTimeout(r, 30))
    // One at a time: the second waits for the first.
    expect(calls).toHaveLength(1)
    calls[0]!.settle()
    await eventually(() => calls.length === 2)
    expect(calls[1]!.id).toBe('older')
    calls[1]!.settle()
    await eventually(() => queue.size === 0)
    queue.close()
  })

  it('a customer who writes stops the judge at once; that exchange is judged at the next quiet moment', async () => {
    let waiting = false
    const { calls, judge } = drivenJudge()
    const queue = new JudgeQueue({ customerWaiting: () => waiting, judge, logger: silentLogger, retryMs: 10 })
    queue.add('x')
    await eventually(() => calls.length === 1)
    waiting = true
    queue.interrupt()
    expect(calls[0]!.signal.aborted).toBe(true)
    await new Promise((r) => setTimeout(r, 60))
    expect(calls).toHaveLength(1)
    expect(queue.size).toBe(1)

    waiting = false
    await eventually(() => calls.length === 2)
    expect(calls[1]!.id).toBe('x')
    expect(calls[1]!.signal.aborted).toBe(false)
    calls[1]!.settle()
    await eventually(() => queue.size === 0)
    queue.close()
  })

  it('keeps the newest exchanges when too many wait, and closing stops everything', async () => {
    const { calls, judge } = drivenJudge()
    const queue = new JudgeQueue({ customerWaiting: () => true, judge, logger: silentLogger, capacity: 3, retryMs: 10 })
    for (const id of ['a', 'b', 'c', 'd', 'e']) queue.add(id)
    expect(queue.size).toBe(3)
    queue.close()
    queue.add('f')
    expect(queue.size).toBe(0)
    await new Promise((r) => setTimeout(r, 40))
    expect(calls).toHaveLength(0)
  })
})
