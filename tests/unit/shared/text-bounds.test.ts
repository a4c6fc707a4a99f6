import { describe, expect, it } from 'vitest'
import { MAX_PROCESSED_CHARS, processedPrefix, trimTrailing, trimTrailingWhere } from '../../../src/shared/text-bounds'

describe('processedPrefix', () => {
  it('keeps text within the limit as it is and cuts longer text to the limit', () => {
    expect(processedPrefix('hola')).toBe('hola')
    const long = 'a'.repeat(MAX_PROCESSED_CHARS + 10)
    expect(processedPrefix(long)).toHaveLength(MAX_PROCESSED_CHARS)
  })

  it('never cuts an emoji in half', () => {
    const text = `${'a'.repeat(9)}😀bc`
    expect(processedPrefix(text, 10)).toBe('a'.repeat(9))
    expect(processedPrefix(text, 11)).toBe(`${'a'.repeat(9)}😀`)
  })
})

describe('trimTrailing', () => {
  it('drops only the given marks at the end', () => {
    expect(trimTrailing('sí!!.', '.!')).toBe('sí')
    expect(trimTrailing('a.b.', '.')).toBe('a.b')
    expect(trimTrailing('...', '.')).toBe('')
    expect(trimTrailing('hola', '.')).toBe('hola')
    expect(trimTrailingWhere('Tenemos tres, – ', (c) => /[\s,;:–—-]/u.test(c))).toBe('Tenemos tres')
  })
})
