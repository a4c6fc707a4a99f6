import type { DetectionText } from './detection-text'
import { originalRange } from './detection-text'

export type PiiKind = 'phone' | 'email' | 'nationalId' | 'card' | 'address' | 'name'

export interface Span {
  start: number
  end: number
  kind: PiiKind
}

/**
 * The ranges found so far in the detection text, sorted and never overlapping. Detectors run
 * from the most certain to the least; a later one cannot take what an earlier one claimed.
 */
export class SpanSet {
  readonly spans: Span[] = []

  /** Index of the first span whose end is after `start`. */
  private firstEndingAfter(start: number): number {
    let lo = 0
    let hi = this.spans.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.spans[mid]!.end <= start) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  overlaps(start: number, end: number): boolean {
    const i = this.firstEndingAfter(start)
    return i < this.spans.length && this.spans[i]!.start < end
  }

  add(start: number, end: number, kind: PiiKind): boolean {
    if (end <= start) return false
    const i = this.firstEndingAfter(start)
    if (i < this.spans.length && this.spans[i]!.start < end) return false
    this.spans.splice(i, 0, { start, end, kind })
    return true
  }
}

/** The original text with every span replaced by its placeholder. */
export function applySpans(original: string, det: DetectionText, spans: readonly Span[], placeholder: (kind: PiiKind) => string): string {
  if (spans.length === 0) return original
  let out = ''
  let at = 0
  for (const span of spans) {
    const [start, end] = originalRange(det, span.start, span.end)
    if (start < at) continue
    out += original.slice(at, start) + placeholder(span.kind)
    at = end
  }
  return out + original.slice(at)
}
