// The work queue every controller puts between its informer's events and its reconcile loop:
// client-go's util/workqueue/queue.go (the `Type` with its `queue` slice and `dirty` and
// `processing` sets), with the package contract of util/workqueue/doc.go written out below.
//
// One deliberate difference: `get` never blocks. A Go worker parks inside Get on a sync.Cond until
// an item arrives; this engine is single-threaded and deterministic, so `get` answers at once with
// an item, `empty`, or `shutdown`, and a worker that wants to wait asks a WaitableQueue
// (waitable-queue.ts) to wake it on the simulation clock. Every step of every worker is then an
// explicit call whose order the simulation (or a grader) chooses, so several simulated workers
// interleave exactly as a seed says and a failing interleaving replays step for step.

/** What `get` hands a worker: an item to process, nothing yet, or "stop: the queue shut down and drained". */
export type GetResult<T> =
  | { readonly type: 'item'; readonly item: T }
  | { readonly type: 'empty' }
  | { readonly type: 'shutdown' }

/**
 * client-go's workqueue.Interface, without the blocking. Items are compared by identity (`===` as a
 * Map key), so use keys such as "namespace/name", as controllers do.
 *
 * The contract (doc.go):
 * - Fair: items are handed out in the order they were added.
 * - Stingy: an item added many times while it waits is queued once and handed out once.
 * - An item is never handed to two workers at once: from `get` until `done` it is being processed.
 * - An item added while it is being processed is handed out again after `done`, exactly once, and
 *   never before `done`.
 * - After `shutDown`, adds are ignored; `get` keeps handing out what was already queued, and
 *   reports `shutdown` once nothing is left.
 */
export interface Queue<T> {
  /** Mark `item` as needing processing. Ignored after shutDown. */
  add(item: T): void
  /** Take the next item to process (you must call `done` with it), or learn that there is none. */
  get(): GetResult<T>
  /** Finish processing `item`; if it was added again meanwhile, it goes to the back of the line now. */
  done(item: T): void
  /** How many items are waiting to be handed out (items being processed do not count). */
  len(): number
  /** Stop accepting items; workers drain what is queued, then `get` reports `shutdown`. */
  shutDown(): void
  shuttingDown(): boolean
}

/** The reference queue: a line of items, the dirty set and the processing set. */
export class WorkQueue<T> implements Queue<T> {
  // The order in which items will be handed out. Every item here is dirty and not processing.
  #queue: T[] = []
  #head = 0
  // Every item that needs processing: queued, or being processed and added again meanwhile.
  #dirty = new Set<T>()
  // Every item a worker holds between get and done. It may be dirty at the same time.
  #processing = new Set<T>()
  #shuttingDown = false

  add(item: T): void {
    if (this.#shuttingDown || this.#dirty.has(item)) return
    this.#dirty.add(item)
    // Being processed: done() will queue it, so no two workers ever hold it at once.
    if (this.#processing.has(item)) return
    this.#queue.push(item)
  }

  get(): GetResult<T> {
    if (this.len() === 0) return this.#shuttingDown ? { type: 'shutdown' } : { type: 'empty' }
    const item = this.#queue[this.#head++]
    if (this.#head > 64 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head)
      this.#head = 0
    }
    this.#processing.add(item)
    this.#dirty.delete(item)
    return { type: 'item', item }
  }

  done(item: T): void {
    // client-go would queue a dirty item that no worker held (a misuse); here done() of an item
    // that is not being processed changes nothing, so the queue stays stingy whatever the caller does.
    if (!this.#processing.delete(item)) return
    if (this.#dirty.has(item)) this.#queue.push(item)
  }

  len(): number {
    return this.#queue.length - this.#head
  }

  shutDown(): void {
    this.#shuttingDown = true
  }

  shuttingDown(): boolean {
    return this.#shuttingDown
  }
}
