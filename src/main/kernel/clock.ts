/**
 * The time, in milliseconds since the epoch. Every service that reads the time takes one, so
 * tests can hold time still or move it (a debounce, a reconnect backoff, an evaluation window)
 * without waiting for it; production passes `Date.now`.
 */
export type Clock = () => number
