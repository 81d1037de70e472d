// The seam between the MVCC store and its watches: what a watch hub may read (the history of
// committed revisions, the current and compacted revisions) and the calls it receives (a watch is
// created, a revision is committed, a progress request, a cancel). Inside MemoryStore the same job
// is done by WatchableStore (watchable-store.ts), which reads the MVCC store directly;
// PluggableWatchStore (pluggable-watch-store.ts) runs any WatchHub, such as a learner's, behind the
// same KeyValueStore interface.
// Mirrors the watchable interface of etcd's server/storage/mvcc/watchable_store.go (watch,
// progress, cancel) and its notify, which the write transaction calls after each commit
// (watchable_store_txn.go).
import type { RevisionBatch } from './event-log.ts'
import type { WatchListener, WatchRequest } from './watch-messages.ts'

export type { RevisionBatch } from './event-log.ts'

/** The store's history, as a watch hub may read it. Read-only: every batch and event is frozen. */
export interface WatchHistory {
  /** The newest committed revision: the one the hub was last notified of (1 before any write). */
  readonly currentRevision: number
  /** History before this revision is gone; 0 if the store was never compacted. */
  readonly compactRevision: number
  /**
   * Every committed revision from `fromRevision` through `currentRevision` that is still in
   * history (none below `compactRevision`), oldest first, each with all of its events in the order
   * its transaction made them. Every event carries `prevKv` whenever its key existed before it.
   */
  since(fromRevision: number): readonly RevisionBatch[]
}

/**
 * The watches of one store. Calls are never re-entrant: no call starts while another is running
 * (a listener that writes or watches is served after the current call returns).
 */
export interface WatchHub {
  /** Start a watch and return its id (unique among this hub's watches). Deliver its catch-up now. */
  watch(request: WatchRequest, listener: WatchListener): number
  /** A revision was just committed; `history.currentRevision` is already `batch.revision`. */
  notify(batch: RevisionBatch): void
  /** Deliver a `progress` response to this watch. Ignore ids that are unknown or already ended. */
  requestProgress(watchId: number): void
  /** End this watch: nothing more is delivered to it. Ignore ids that are unknown or already ended. */
  cancel(watchId: number): void
}

/** Builds a hub over a store's history. */
export type WatchHubFactory = (history: WatchHistory) => WatchHub
