// The shop's own model as a second opinion on an answer's score. The app asks it only while no
// customer is waiting (judge-queue.ts); `bench/judge-agreement.ts` asks it the same question on
// the development set, to measure how far it agrees before anyone turns it on by default.

import type { ChatMessage } from '../llm/llm-provider'

export interface JudgeCase {
  /** What the customer asked. */
  question: string
  /** What the shop answered. */
  answer: string
  /** What the customer said next: the reaction being read. */
  reaction: string
}

const SYSTEM =
  'Evalúas respuestas de un vendedor por WhatsApp. Dada la pregunta del cliente, la respuesta del vendedor y lo que el cliente dijo después, ' +
  'califica la respuesta del vendedor de 1 (muy mala) a 5 (excelente). Responde solo con el número.'

export function judgeMessages(item: JudgeCase): ChatMessage[] {
  return [
    { role: 'system', content: SYSTEM },
    {
      role: 'user',
      content: `Cliente: ${item.question || '(sin texto)'}\nVendedor: ${item.answer || '(sin texto)'}\nCliente después: ${item.reaction || '(sin texto)'}`,
    },
  ]
}

/** The score the judge gave: the first digit 1–5 it wrote, or null when it wrote none. */
export function parseJudgeScore(text: string): 1 | 2 | 3 | 4 | 5 | null {
  const digit = /[1-5]/.exec(text)?.[0]
  return digit ? (Number(digit) as 1 | 2 | 3 | 4 | 5) : null
}

/**
 * The judge's opinion folded into the automatic score: where the two agree within a point the
 * score is their mean and surer; where they disagree it is their mean, unsure and marked for the
 * owner's review.
 */
export function withJudge(autoScore: number, autoConfidence: number | null, judged: number): { score: number; confidence: number; conflict: boolean } {
  const agree = Math.abs(judged - autoScore) <= 1
  return { score: Math.round((judged + autoScore) / 2), confidence: agree ? Math.max(autoConfidence ?? 0.5, 0.7) : 0.4, conflict: !agree }
}
