// Lesson 08 solution: the line, the dirty set and the processing set; and a failure count per item.
// State is `protected` (not #private) only so the known-wrong answers in wrong/ can each change one step.
import type { GetResult, Queue } from '../../src/client/workqueue/queue.ts'
import type { RateLimiter } from '../../src/client/workqueue/rate-limiter.ts'

export type { GetResult, Queue } from '../../src/client/workqueue/queue.ts'
export type { RateLimiter } from '../../src/client/workqueue/rate-limiter.ts'

export class WorkQueue<T> implements Queue<T> {
  // Waiting to be handed out, in order; each item here is dirty and not processing.
  protected line: T[] = []
  // Needs processing: waiting in the line, or held by a worker and added again since.
  protected dirty = new Set<T>()
  // Held by a worker between get and done.
  protected processing = new Set<T>()
  protected stopping = false

  add(item: T): void {
    if (this.stopping || this.dirty.has(item)) return
    this.dirty.add(item)
    if (!this.processing.has(item)) this.line.push(item)
  }

  get(): GetResult<T> {
    if (this.line.length === 0) return this.stopping ? { type: 'shutdown' } : { type: 'empty' }
    const item = this.line.shift() as T
    this.dirty.delete(item)
    this.processing.add(item)
    return { type: 'item', item }
  }

  done(item: T): void {
    if (!this.processing.delete(item)) return
    if (this.dirty.has(item)) this.line.push(item)
  }

  len(): number {
    return this.line.length
  }

  shutDown(): void {
    this.stopping = true
  }

  shuttingDown(): boolean {
    return this.stopping
  }
}

export class ItemExponentialFailureRateLimiter<T> implements RateLimiter<T> {
  protected readonly failures = new Map<T, number>()

  constructor(
    readonly baseDelayMs: number,
    readonly maxDelayMs: number,
  ) {}

  when(item: T): number {
    const failures = this.failures.get(item) ?? 0
    this.failures.set(item, failures + 1)
    return Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** failures)
  }

  forget(item: T): void {
    this.failures.delete(item)
  }

  numRequeues(item: T): number {
    return this.failures.get(item) ?? 0
  }
}
