/**
 * One colour per score everywhere on the dashboard (1 red … 5 green), so a colour read on
 * one chart means the same on the next. "Sin nota" is grey.
 */
export const SCORE_COLORS = ['#b8bfc8', '#d92d20', '#f57c00', '#e0b000', '#7cb342', '#2e7d32'] as const

export const SERIES_COLORS = {
  meanScore: '#128c7e',
  success: '#6b4fbb',
  growth: '#2e7d32',
  backlog: '#f57c00',
  dataset: '#6b4fbb',
} as const
