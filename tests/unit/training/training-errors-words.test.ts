import { describe, expect, it } from 'vitest'
import { TRAINING_ERRORS } from '../../../src/main/training/training-errors'
import { spanishText } from '../../support/spanish-text'

/** A terminal command or a build step: what a shopkeeper cannot act on (issue 14). */
const DEVELOPER_WORDS = /ollama (pull|serve|run|create)|npm (run|install)|cmake|\.cache\//i

describe('what training tells the owner', () => {
  it('never asks for a terminal command, except the build command of a development checkout', () => {
    const texts = Object.entries(TRAINING_ERRORS).map(([key, value]) => {
      if (key === 'toolsMissing') return [key, TRAINING_ERRORS.toolsMissing('installed')] as const
      // Every message with made-up details: the words around them are what is checked.
      const text = typeof value === 'function' ? (value as (...args: string[]) => string)('Q8_0', 'detalle') : value
      return [key, text] as const
    })
    expect(texts.length).toBeGreaterThan(10)
    for (const [key, text] of texts) expect(text, key).not.toMatch(DEVELOPER_WORDS)
    expect(TRAINING_ERRORS.toolsMissing('checkout')).toMatch(/npm run build:llama/)
  })

  it('a quantized base points at the assistant’s button that downloads the F16 base, by its name on screen', () => {
    const message = TRAINING_ERRORS.baseQuantized('Q4_K_M')
    expect(message).toMatch(/cuantizado \(Q4_K_M\).*F16 o F32/)
    const button = /«([^»]+)»/.exec(message)?.[1]
    expect(button).toBeDefined()
    // The button's label without its size: «Descargar la base para aprender (994 MB)».
    expect(spanishText('setup.plan.pullBase').replace(/\s*\(\{size\}\)$/, '')).toBe(button)
  })
})
