// A controller's workers: the loop every built-in controller runs, e.g. worker and
// processNextWorkItem in kubernetes/pkg/controller/replicaset/replica_set.go. Each worker takes a
// key, reconciles it, then `forget`s it on success or `addRateLimited`s it on failure, and finally
// calls `done`. Reconciling takes `workMs(key)` of simulated time, so workers overlap on the clock
// and the queue's "one worker per key" guarantee matters. An idle worker waits with `whenReady`;
// a worker stops when `get` reports shutdown.
import type { Clock } from '../../sim/clock.ts'
import type { RateLimitingQueue } from './rate-limiting-queue.ts'

/** What one reconcile of a key concluded. */
export type SyncResult = { readonly ok: true } | { readonly ok: false; readonly error: string }

/** What the workers did, in order, for traces and tests. */
export type WorkerEvent<T> =
  | { readonly type: 'start'; readonly worker: number; readonly item: T; readonly atMs: number }
  | { readonly type: 'finish'; readonly worker: number; readonly item: T; readonly result: SyncResult; readonly atMs: number }
  | { readonly type: 'stop'; readonly worker: number; readonly atMs: number }

export interface WorkerPoolOptions<T> {
  readonly queue: RateLimitingQueue<T>
  readonly clock: Clock
  readonly workers: number
  /** Reconcile one key (the controller's syncHandler). */
  readonly sync: (item: T) => SyncResult
  /** Simulated time one reconcile takes; 0 by default. */
  readonly workMs?: (item: T) => number
  readonly onEvent?: (event: WorkerEvent<T>) => void
}

export interface WorkerPool {
  /** Workers that have not yet seen the queue's shutdown. */
  running(): number
}

export function startWorkers<T>(options: WorkerPoolOptions<T>): WorkerPool {
  const { queue, clock, sync } = options
  const workMs = options.workMs ?? (() => 0)
  const emit = options.onEvent ?? (() => {})
  let running = options.workers

  function next(worker: number): void {
    const got = queue.get()
    if (got.type === 'empty') {
      queue.whenReady(() => next(worker))
      return
    }
    if (got.type === 'shutdown') {
      running--
      emit({ type: 'stop', worker, atMs: clock.now() })
      return
    }
    const item = got.item
    emit({ type: 'start', worker, item, atMs: clock.now() })
    const result = sync(item)
    clock.setTimer(workMs(item), () => {
      if (result.ok) queue.forget(item)
      else queue.addRateLimited(item)
      queue.done(item)
      emit({ type: 'finish', worker, item, result, atMs: clock.now() })
      next(worker)
    })
  }

  for (let worker = 1; worker <= options.workers; worker++) clock.setTimer(0, () => next(worker))
  return { running: () => running }
}
