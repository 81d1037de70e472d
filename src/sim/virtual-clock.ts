// A deterministic discrete-event loop: virtual time that moves only when the simulation says so.
// Timers fire in order of due time, then of insertion, so a seed plus a sequence of calls replays
// exactly (the idea of TigerBeetle's src/time.zig and FoundationDB's simulator, not their code).
import type { Clock, TimerHandle } from './clock.ts'

interface Timer {
  readonly id: number
  readonly dueMs: number
  readonly fn: () => void
}

export class VirtualClock implements Clock {
  #nowMs: number
  #nextId = 1
  // Kept sorted by (dueMs, id); insertion is a binary search, firing takes from the front.
  #timers: Timer[] = []

  constructor(startMs = 0) {
    this.#nowMs = startMs
  }

  now(): number {
    return this.#nowMs
  }

  setTimer(delayMs: number, fn: () => void): TimerHandle {
    const timer: Timer = { id: this.#nextId++, dueMs: this.#nowMs + Math.max(0, delayMs), fn }
    let lo = 0
    let hi = this.#timers.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.#timers[mid].dueMs <= timer.dueMs) lo = mid + 1
      else hi = mid
    }
    this.#timers.splice(lo, 0, timer)
    return { id: timer.id }
  }

  cancel(handle: TimerHandle): void {
    const index = this.#timers.findIndex((t) => t.id === handle.id)
    if (index >= 0) this.#timers.splice(index, 1)
  }

  /** Number of timers still waiting. */
  get pending(): number {
    return this.#timers.length
  }

  /** Due time of the next timer, or undefined when none is waiting. */
  nextDueMs(): number | undefined {
    return this.#timers[0]?.dueMs
  }

  /** Fire the earliest timer, moving time to its due time. Returns false when none is waiting. */
  step(): boolean {
    const timer = this.#timers.shift()
    if (!timer) return false
    this.#nowMs = Math.max(this.#nowMs, timer.dueMs)
    timer.fn()
    return true
  }

  /**
   * Move time forward by `ms`, firing every timer that falls due on the way (including timers
   * those timers set, if they are due within the window), then settle at now + ms.
   */
  advance(ms: number): void {
    const targetMs = this.#nowMs + Math.max(0, ms)
    while (this.#timers.length > 0 && this.#timers[0].dueMs <= targetMs) this.step()
    this.#nowMs = targetMs
  }

  /** Fire timers until none is left or `maxSteps` have fired; returns how many fired. */
  runUntilIdle(maxSteps = 1_000_000): number {
    let fired = 0
    while (fired < maxSteps && this.step()) fired++
    return fired
  }
}
