// Request and response shapes of watch: a stream of change events on a key or a range, from a
// start revision. Mirrors the Watch service in etcd's api/etcdserverpb/rpc.proto
// (WatchCreateRequest, WatchResponse), with the response a discriminated union on `type`
// instead of flags (created/canceled/progress) that a reader must combine.
import type { Event, ResponseHeader } from './key-value.ts'
import type { KeyRange } from './requests.ts'

export type WatchFilter = 'noPut' | 'noDelete'

export interface WatchRequest extends KeyRange {
  /**
   * First revision to deliver. Events of revisions already in history are replayed first, then
   * live ones follow. 0 or absent: from now (the current revision + 1).
   */
  readonly startRevision?: number
  /** Attach each event's previous kv (when still in history). */
  readonly prevKv?: boolean
  /** Drop these kinds of events. */
  readonly filters?: readonly WatchFilter[]
}

/** A response on one watch. Events of one revision always arrive together, in one response. */
export type WatchResponse =
  | {
      readonly type: 'events'
      readonly watchId: number
      readonly header: ResponseHeader
      /** Non-empty, in revision order. */
      readonly events: readonly Event[]
    }
  | {
      /** No events: every event up to `header.revision` has been delivered already. */
      readonly type: 'progress'
      readonly watchId: number
      readonly header: ResponseHeader
    }
  | {
      /** The store ended the watch; nothing follows. Canceled for compaction, header.revision is 0, as etcd sends it. */
      readonly type: 'canceled'
      readonly watchId: number
      readonly header: ResponseHeader
      /** When the start revision was compacted: the compacted revision (resume from a fresh read). Else 0. */
      readonly compactRevision: number
      readonly reason: string
    }

export type WatchListener = (response: WatchResponse) => void

/** A live watch. */
export interface Watch {
  readonly watchId: number
  /** Stop the watch: no response arrives after this resolves (a cancel from inside the listener takes effect at once). */
  cancel(): Promise<void>
  /** Ask for a `progress` response, delivered after every event up to the current revision. */
  requestProgress(): Promise<void>
}
