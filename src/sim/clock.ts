// The one clock every engine component reads. Time is injected, never ambient (no Date.now in src/):
// tests and simulations use VirtualClock, a live cluster uses RealClock (src/sim/real-clock.ts).
// Times are milliseconds since an arbitrary epoch chosen by the clock.

/** A scheduled callback; pass it to `cancel` to drop it before it fires. */
export interface TimerHandle {
  readonly id: number
}

export interface Clock {
  /** Milliseconds since the clock's epoch. Never goes backwards. */
  now(): number
  /** Run `fn` once, `delayMs` from now (a negative delay counts as zero). */
  setTimer(delayMs: number, fn: () => void): TimerHandle
  /** Drop a timer that has not fired yet; cancelling a fired or unknown timer is a no-op. */
  cancel(handle: TimerHandle): void
}
