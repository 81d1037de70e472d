// Lesson 08 — the work queue. Write the queue and the backoff below; `npm run lesson -- grade 08`
// grades them. The types come from the reference engine (src/client/workqueue/), so your classes
// plug straight into it:
//
//   newRateLimitingQueue({ clock, queue: new WorkQueue<string>(), rateLimiter: new ItemExponentialFailureRateLimiter<string>(5, 1_000_000) })
//
// Items are keys such as "default/web"; compare them with `===` (they make good Map and Set keys).
import type { GetResult, Queue } from '../../src/client/workqueue/queue.ts'
import type { RateLimiter } from '../../src/client/workqueue/rate-limiter.ts'
import { NotImplemented } from '../../harness/grading/not-implemented.ts'

export type { GetResult, Queue } from '../../src/client/workqueue/queue.ts'
export type { RateLimiter } from '../../src/client/workqueue/rate-limiter.ts'

/**
 * client-go's work queue (util/workqueue/queue.go). Keep three things: the line of items waiting
 * to be handed out, the dirty set (every item that needs processing) and the processing set (every
 * item a worker holds between `get` and `done`).
 *
 * - Items are handed out in the order they were first added.
 * - An item added many times while it waits is handed out once.
 * - An item is processed by at most one worker at a time.
 * - An item added while it is being processed is handed out again after `done`, exactly once.
 * - After `shutDown`, adds are ignored; `get` still hands out what was queued, then reports shutdown.
 */
export class WorkQueue<T> implements Queue<T> {
  /** Mark `item` as needing processing. Ignored after shutDown. */
  add(item: T): void {
    throw new NotImplemented('WorkQueue.add')
  }

  /**
   * Hand the next item to a worker: `{ type: 'item', item }`. With nothing to hand out, answer
   * `{ type: 'empty' }`, or `{ type: 'shutdown' }` once the queue is shutting down. Never wait.
   */
  get(): GetResult<T> {
    throw new NotImplemented('WorkQueue.get')
  }

  /** The worker has finished `item`. If it was added again meanwhile, queue it now. */
  done(item: T): void {
    throw new NotImplemented('WorkQueue.done')
  }

  /** How many items are waiting to be handed out (not counting items being processed). */
  len(): number {
    throw new NotImplemented('WorkQueue.len')
  }

  /** Ignore adds from now on; `get` drains what is queued, then reports shutdown. */
  shutDown(): void {
    throw new NotImplemented('WorkQueue.shutDown')
  }

  shuttingDown(): boolean {
    throw new NotImplemented('WorkQueue.shuttingDown')
  }
}

/**
 * client-go's ItemExponentialFailureRateLimiter (util/workqueue/default_rate_limiters.go): each
 * item's failures are counted separately, and its n-th failure since it was last forgotten waits
 * baseDelayMs × 2^(n-1) — base, 2 × base, 4 × base… — but never more than maxDelayMs.
 */
export class ItemExponentialFailureRateLimiter<T> implements RateLimiter<T> {
  constructor(
    readonly baseDelayMs: number,
    readonly maxDelayMs: number,
  ) {}

  /** Count one more failure of `item` and answer how many ms it should wait before its retry. */
  when(item: T): number {
    throw new NotImplemented('ItemExponentialFailureRateLimiter.when')
  }

  /** `item` succeeded (or was given up on): its next failure starts from the base delay again. */
  forget(item: T): void {
    throw new NotImplemented('ItemExponentialFailureRateLimiter.forget')
  }

  /** How many failures `item` has had since it was last forgotten. */
  numRequeues(item: T): number {
    throw new NotImplemented('ItemExponentialFailureRateLimiter.numRequeues')
  }
}
