// Lesson 02 — watch. Write the WatchHub below; `npm run lesson -- grade 02` grades it.
//
// Your hub serves every watch of a store. The store itself is the reference (lesson 01's MVCC
// store): it commits each write as a new revision, keeps the history, and tells your hub about it.
// PluggableWatchStore (src/store/pluggable-watch-store.ts) plugs your hub into the engine:
//
//   const store = new PluggableWatchStore({ clock, hub: (history) => new WatchHub(history) })
//
// and then `store.watch(request, listener)` is your `watch`, each committed write reaches your
// `notify`, and the Watch handle's `cancel()` / `requestProgress()` reach yours.
import type { KeyRange, WatchListener, WatchRequest } from '../../src/store/index.ts'
import type { RevisionBatch, WatchHistory, WatchHub as Hub } from '../../src/store/watch-hub.ts'
import { NotImplemented } from '../../harness/grading/not-implemented.ts'

// What you work with (open these files to read their doc comments):
//   WatchRequest, WatchResponse, WatchListener  src/store/watch-messages.ts
//   Event, KeyValue                             src/store/key-value.ts
//   RevisionBatch, WatchHistory                 src/store/watch-hub.ts
// and two key helpers from src/store/keys.ts: compareKeys(a, b) (etcd's byte order) and NO_END ('\0').
export type { Event, KeyRange, WatchListener, WatchRequest, WatchResponse } from '../../src/store/index.ts'
export type { RevisionBatch, WatchHistory } from '../../src/store/watch-hub.ts'

/**
 * The watches of one store, as etcd's watchableStore (server/storage/mvcc/watchable_store.go).
 *
 * A watch asks for every change to a key or a range of keys from a start revision on:
 * - `startRevision` > 0 means "from that revision"; 0 or absent means "from now", i.e. from
 *   `history.currentRevision + 1`.
 * - If the start revision is below `history.compactRevision`, that history is gone: send one
 *   `{ type: 'canceled', compactRevision: history.compactRevision, ... }` response and nothing else, ever.
 * - Otherwise catch up at once: every matching event from the start revision through
 *   `history.currentRevision`, all in one `events` response (none if nothing matches). Then each
 *   revision `notify` brings is delivered live, its matching events in one response. No gap, no
 *   duplicate at the boundary, nothing before the start revision.
 *
 * An event matches when its key is the watched key (no `rangeEnd`) or lies in [key, rangeEnd)
 * (`rangeEnd` '\0' means "no upper bound"), and no filter drops it (`noPut` drops puts, `noDelete`
 * drops deletes). The events of one revision stay together, in the order the history gives them.
 *
 * prevKv: history events carry `prevKv` whenever the key existed before. Pass it on only when the
 * watch asked for it (`prevKv: true`) and the event's revision is above `history.compactRevision`
 * (etcd reads prevKv at revision - 1, which compaction has removed); otherwise send the event
 * without it: `{ type, kv }`.
 *
 * Every response carries `watchId` (this watch's id) and `header: { revision }`: the store's
 * current revision as you send it. Call listeners directly; nothing here is asynchronous.
 */
export class WatchHub implements Hub {
  readonly #history: WatchHistory

  constructor(history: WatchHistory) {
    this.#history = history
  }

  /** Start a watch, deliver its catch-up (or its cancel), and return its id: any number unique to this hub. */
  watch(request: WatchRequest, listener: WatchListener): number {
    throw new NotImplemented('WatchHub.watch')
  }

  /** Revision `batch.revision` was just committed (`history.currentRevision` is already it): deliver it. */
  notify(batch: RevisionBatch): void {
    throw new NotImplemented('WatchHub.notify')
  }

  /**
   * Send `{ type: 'progress', watchId, header: { revision: history.currentRevision } }`: "you have
   * every event up to here". Ignore ids that are unknown, canceled, or ended by compaction.
   */
  requestProgress(watchId: number): void {
    throw new NotImplemented('WatchHub.requestProgress')
  }

  /** End the watch: nothing more is delivered to it. Ignore ids that are unknown or already ended. */
  cancel(watchId: number): void {
    throw new NotImplemented('WatchHub.cancel')
  }
}

/** A helper you will want: true when `key` is the watched key, or in the watched range [key, rangeEnd). */
function inRange(range: KeyRange, key: string): boolean {
  throw new NotImplemented('inRange')
}
