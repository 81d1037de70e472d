// The seam between client machinery and the API server: something that can list a collection and
// watch it from a resourceVersion. Informers code against this interface only, never against the
// store, so the same reflector runs over the real API server, an adapter, or the in-memory fake.
// Mirrors ListerWatcher, Lister and Watcher in client-go tools/cache/listwatch.go, with the
// options of metav1.ListOptions (staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go).
import type { KubeObject } from '../api/registry/object.ts'
import type { WatchEvent, WatchHandle } from '../api/watch-event.ts'

export type { KubeObject } from '../api/registry/object.ts'
export type { WatchEvent, WatchHandle, BookmarkObject } from '../api/watch-event.ts'
export type { Status } from '../api/errors/status.ts'

export interface ListOptions {
  /**
   * Unset or "": the most recent state (a consistent read). "0": any state the server has, possibly
   * stale. "N": a state at least as new as N.
   */
  readonly resourceVersion?: string
  readonly limit?: number
  readonly continue?: string
  readonly labelSelector?: string
  readonly fieldSelector?: string
}

export interface WatchOptions {
  /**
   * Changes strictly after this version. "" or "0": first a synthetic ADDED for every object that
   * exists now, then every later change.
   */
  readonly resourceVersion: string
  /** Ask the server to send BOOKMARK events: "everything up to this version has been sent". */
  readonly allowWatchBookmarks?: boolean
  readonly labelSelector?: string
  readonly fieldSelector?: string
  readonly timeoutSeconds?: number
}

/** A list response: the items and the resourceVersion the list was read at. */
export interface ObjectList<T extends KubeObject = KubeObject> {
  readonly items: readonly T[]
  readonly metadata: { readonly resourceVersion: string; readonly continue?: string }
}

/**
 * What a watch stream delivers: the API's watch events, then at most one end. An ERROR event (a
 * Status, e.g. 410 Expired "too old resource version") ends the watch; CLOSED means the server or
 * the network ended it without an error (a timeout, a restart, a dropped connection). Nothing is
 * delivered after either.
 */
export type WatchStreamEvent<T extends KubeObject = KubeObject> = WatchEvent<T> | { readonly type: 'CLOSED' }

export type WatchStreamHandler<T extends KubeObject = KubeObject> = (event: WatchStreamEvent<T>) => void

export interface ListerWatcher<T extends KubeObject = KubeObject> {
  /** List the collection; rejects with an ApiError (e.g. 410 Expired, 503) when it cannot. */
  list(options: ListOptions): Promise<ObjectList<T>>
  /**
   * Start a watch; events arrive in resourceVersion order on `handler`, one at a time, never
   * reordered. Rejects when the request itself fails (the server is down).
   */
  watch(options: WatchOptions, handler: WatchStreamHandler<T>): Promise<WatchHandle>
}
