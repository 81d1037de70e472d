// Drives a VirtualClock for code that also awaits promises: fire one timer, then let every promise
// continuation it unlocked run, and repeat. Waiting for continuations uses setImmediate, which
// runs only after all pending promise callbacks; it measures no time, so runs stay deterministic.
import type { VirtualClock } from '../sim/virtual-clock.ts'

/** Let every pending promise continuation run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

export type DriveResult = { readonly type: 'quiet'; readonly steps: number } | { readonly type: 'busy'; readonly steps: number }

/**
 * Fire timers due up to now + `forMs` (all of them when `forMs` is undefined), settling promises
 * after each, at most `maxSteps` timers. 'busy' means timers were still firing when the budget ran
 * out (something keeps rescheduling itself without waiting).
 */
export async function drive(clock: VirtualClock, options: { readonly forMs?: number; readonly maxSteps?: number } = {}): Promise<DriveResult> {
  const maxSteps = options.maxSteps ?? 10_000
  const untilMs = options.forMs === undefined ? Number.POSITIVE_INFINITY : clock.now() + options.forMs
  let steps = 0
  await settle()
  for (;;) {
    const due = clock.nextDueMs()
    if (due === undefined || due > untilMs) break
    if (steps >= maxSteps) return { type: 'busy', steps }
    clock.step()
    steps++
    await settle()
  }
  if (options.forMs !== undefined && clock.now() < untilMs) clock.advance(untilMs - clock.now())
  return { type: 'quiet', steps }
}
