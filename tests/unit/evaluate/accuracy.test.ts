// Accuracy on the labeled test set, computed here from the same functions the bench prints.
import { describe, expect, it } from 'vitest'
import { accuracy, learningCurve, loadTestSet, PARTS, stricterOwner } from '../../support/scorer-testset'
import { CATEGORIES } from '../../../src/main/evaluate/category'

const rows = loadTestSet()

describe('scorer test set', () => {
  it('is large, well-formed and covers every score, outcome and category', () => {
    expect(rows.length).toBeGreaterThanOrEqual(320)
    for (const row of rows) {
      expect(row.text.trim().length, JSON.stringify(row)).toBeGreaterThan(0)
      expect(CATEGORIES).toContain(row.category)
      if (row.wasSuccessful) expect(row.score, row.text).toBeGreaterThanOrEqual(3)
    }
    for (const score of [1, 2, 3, 4, 5]) expect(rows.filter((r) => r.score === score).length, `score ${score}`).toBeGreaterThanOrEqual(40)
    for (const category of CATEGORIES) expect(rows.some((r) => r.category === category), category).toBe(true)
    expect(rows.some((r) => r.wasSuccessful)).toBe(true)
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length)
  })
})

describe('accuracy against the seed', () => {
  it('beats the seed on exact score, ±1, wasSuccessful and category over the whole set', () => {
    const seed = accuracy(rows, 'seed')
    const ours = accuracy(rows, 'ours')
    expect(ours.exact).toBeGreaterThan(seed.exact)
    expect(ours.withinOne).toBeGreaterThan(seed.withinOne)
    expect(ours.success).toBeGreaterThan(seed.success)
    expect(ours.category).toBeGreaterThan(seed.category)
  })

  it('beats the seed on the blind part the rules were never fixed against', () => {
    const blind = rows.slice(PARTS[2].from)
    expect(blind.length).toBeGreaterThanOrEqual(50)
    expect(accuracy(blind, 'ours').exact).toBeGreaterThan(accuracy(blind, 'seed').exact)
  })
})

describe('learning from the owner', () => {
  it('agrees more with an owner whose scale differs from the rules after 200 reviews than the rules alone', () => {
    const [start, end] = learningCurve(rows, stricterOwner, [0, 200], 2)
    expect(start!.blended).toBe(start!.rules)
    expect(end!.blended).toBeGreaterThan(end!.rules + 0.1)
  })
})
