import { describe, expect, it } from 'vitest'
import { chrf, corpusChrf } from '../../../src/main/training/chrf'

describe('chrF', () => {
  it('is 100 for the same text (whitespace aside) and 0 for texts with no character in common', () => {
    expect(chrf('El curso cuesta $89.000', 'El curso cuesta $89.000')).toBeCloseTo(100, 6)
    expect(chrf('El  curso cuesta\n$89.000', 'El curso cuesta $89.000')).toBeCloseTo(100, 6)
    expect(chrf('xyz', 'abc')).toBe(0)
    expect(chrf('', 'abc')).toBe(0)
  })

  it('gives partial credit to close answers and ranks them above unrelated ones', () => {
    const reference = 'Sí, enviamos a todo el país; a Medellín llega en 2 días.'
    const close = chrf('Sí, hacemos envíos a todo el país y a Medellín llega en dos días.', reference)
    const unrelated = chrf('Aceptamos Nequi y tarjeta de crédito.', reference)
    expect(close).toBeGreaterThan(40)
    expect(close).toBeLessThan(100)
    expect(unrelated).toBeLessThan(close / 2)
  })

  it('weighs recall above precision (β = 2): leaving things out costs more than adding', () => {
    const reference = 'El Curso de Piano Básico cuesta $89.000 e incluye 12 clases.'
    const tooShort = chrf('El Curso de Piano cuesta', reference)
    const tooLong = chrf('El Curso de Piano Básico cuesta $89.000 e incluye 12 clases y muchas cosas más para ti hoy.', reference)
    expect(tooLong).toBeGreaterThan(tooShort)
  })

  it('follows the definition on a pair worked by hand', () => {
    // 1-grams: 2 of 3 match; 2-grams: 1 of 2; 3-grams: 0 of 1; longer orders do not exist.
    // Mean precision = mean recall = (2/3 + 1/2 + 0) / 3 = 7/18, so F = 7/18.
    expect(chrf('abc', 'abd')).toBeCloseTo((100 * 7) / 18, 6)
  })

  it('corpus chrF pools n-gram counts', () => {
    const pairs = [
      { hypothesis: 'hola', reference: 'hola' },
      { hypothesis: 'una respuesta muy larga que no se parece', reference: 'otra' },
    ]
    const pooled = corpusChrf(pairs)
    expect(pooled).toBeGreaterThan(0)
    expect(pooled).not.toBeCloseTo((chrf('hola', 'hola') + chrf(pairs[1]!.hypothesis, 'otra')) / 2, 1)
  })
})
