/** Time today, or day and time for older messages, in the user's locale. */
export function formatTime(epochMs: number, now: Date = new Date()): string {
  const date = new Date(epochMs)
  const sameDay = date.toDateString() === now.toDateString()
  return sameDay
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString(undefined, { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' })
}
