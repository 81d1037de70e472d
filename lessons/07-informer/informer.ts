// Lesson 07 — the informer. Write the class below; `npm run lesson -- grade 07` grades it.
// Everything it talks to comes from the reference engine (src/client/), so your informer plugs
// straight into it: the API server behind a ListerWatcher, the cache (an Indexer), the handlers,
// the clock and the backoff.
import type { Backoff, Indexer, ListerWatcher, ResourceEventHandler } from '../../src/client/index.ts'
import type { Clock } from '../../src/sim/clock.ts'
import { NotImplemented } from '../../harness/grading/not-implemented.ts'

// What you may want inside: the tombstone for deletes found by a relist, the cache key of an
// object ("namespace/name"), and an object's resourceVersion (opaque: compare with ===, never <).
export { DeletedFinalStateUnknown, metaNamespaceKey, resourceVersionOf } from '../../src/client/index.ts'
export type { Backoff, Indexer, KubeObject, ListerWatcher, ObjectList, ResourceEventHandler, WatchHandle, WatchStreamEvent } from '../../src/client/index.ts'

export interface InformerOptions {
  /** The API server: `list(options)` and `watch(options, onEvent)`. */
  readonly listerWatcher: ListerWatcher
  /** The simulation clock: wait with `clock.setTimer(ms, fn)`, never with setTimeout. */
  readonly clock: Clock
  /** The local cache to keep equal to the server (add / update / delete / getByKey / listKeys). */
  readonly indexer: Indexer
  /** Tell every handler about every change, in the same order, after the cache has it. */
  readonly handlers: readonly ResourceEventHandler[]
  /** `backoff.nextDelayMs()`: how long to wait before listing again after a failure. */
  readonly backoff: Backoff
}

/**
 * Keeps `indexer` equal to the server's objects and tells `handlers` what changed.
 *
 * - run(): list, put the list into the cache (adds, updates, and a delete with a
 *   DeletedFinalStateUnknown { key, obj } for every cached object the list no longer has), then
 *   watch from the list's resourceVersion and apply each event: ADDED / MODIFIED / DELETED change
 *   the cache and then call the handlers; every event and every BOOKMARK moves the resume point to
 *   its resourceVersion.
 * - An ERROR event (410 Expired: the version is too old) or a failed request: wait
 *   `backoff.nextDelayMs()` on the clock, then list again. A CLOSED watch: watch again from the
 *   resume point (or list again; both are correct).
 * - stop(): stop the watch and every timer; nothing happens after it.
 * - hasSynced(): true once the first list is in the cache and the handlers were told about it.
 */
export class Informer {
  readonly options: InformerOptions

  constructor(options: InformerOptions) {
    this.options = options
  }

  run(): void {
    throw new NotImplemented('Informer.run')
  }

  stop(): void {
    throw new NotImplemented('Informer.stop')
  }

  hasSynced(): boolean {
    throw new NotImplemented('Informer.hasSynced')
  }
}
