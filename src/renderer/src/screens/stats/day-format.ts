/** "3 dic" on an axis, "jueves, 3 de diciembre de 2026" in a tooltip; days are local calendar days. */
export function shortDay(day: string): string {
  return toDate(day).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })
}

export function longDay(day: string): string {
  return toDate(day).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
}

export function shortDate(epochMs: number): string {
  return new Date(epochMs).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
}

function toDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d, 12)
}
