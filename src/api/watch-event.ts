// What a watch delivers, as the real API's watch stream does: ADDED / MODIFIED / DELETED with the
// object's state (DELETED carries the last state, with the deletion's resourceVersion), BOOKMARK
// with only a resourceVersion, ERROR with a Status (a watch that cannot be served, e.g. 410).
// Mirrors metav1.WatchEvent (staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/watch.go) and the
// event types of staging/src/k8s.io/apimachinery/pkg/watch/watch.go.
import type { Status } from './errors/status.ts'
import type { KubeObject } from './registry/object.ts'

/** The annotation on the bookmark that ends a watch's initial events (sendInitialEvents). */
export const INITIAL_EVENTS_END_ANNOTATION = 'k8s.io/initial-events-end'

export interface BookmarkObject {
  readonly apiVersion: string
  readonly kind: string
  readonly metadata: { readonly resourceVersion: string; readonly annotations?: Readonly<Record<string, string>> }
}

export type WatchEvent<T extends KubeObject = KubeObject> =
  | { readonly type: 'ADDED' | 'MODIFIED' | 'DELETED'; readonly object: T }
  | { readonly type: 'BOOKMARK'; readonly object: BookmarkObject }
  | { readonly type: 'ERROR'; readonly object: Status }

export type WatchListener<T extends KubeObject = KubeObject> = (event: WatchEvent<T>) => void

/** A running watch. */
export interface WatchHandle {
  /** Stop the watch: no event is delivered after this returns. */
  stop(): void
  /** Ask for a BOOKMARK now (only for watches with allowWatchBookmarks). */
  requestBookmark(): void
  /** False once stopped (by the caller, or by the server after an ERROR). */
  readonly active: boolean
}
