// The wall-clock adapter for a live cluster: the only file in src/ allowed to touch Date.now and
// setTimeout (src/sim/determinism.test.ts enforces it).
import type { Clock, TimerHandle } from './clock.ts'

export class RealClock implements Clock {
  #nextId = 1
  #timers = new Map<number, ReturnType<typeof setTimeout>>()

  now(): number {
    return Date.now()
  }

  setTimer(delayMs: number, fn: () => void): TimerHandle {
    const id = this.#nextId++
    const timer = setTimeout(() => {
      this.#timers.delete(id)
      fn()
    }, Math.max(0, delayMs))
    // A pending engine timer must not keep a finished program alive.
    timer.unref?.()
    this.#timers.set(id, timer)
    return { id }
  }

  cancel(handle: TimerHandle): void {
    const timer = this.#timers.get(handle.id)
    if (timer !== undefined) clearTimeout(timer)
    this.#timers.delete(handle.id)
  }
}
