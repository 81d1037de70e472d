// The seam of lesson 06: a watch cache for ONE resource, as the real kube-apiserver runs one
// cacher per resource. It is fed the store's changes in order (apply), keeps the current state of
// every object and a bounded window of recent events, serves lists at its resourceVersion, and
// starts watches from a resourceVersion (or from the current state, for "" and "0"), turning each
// change into what the watch's selector sees. Any implementation of this interface plugs into
// the engine through WatchCacheEndpoint (watch-cache-endpoint.ts); the engine's own is
// ReferenceResourceWatchCache (reference-resource-watch-cache.ts).
// Mirrors the surface the cacher uses of staging/src/k8s.io/apiserver/pkg/storage/cacher/
// watch_cache.go (Replace, Add/Update/Delete, UpdateResourceVersion, WaitUntilFreshAndList,
// getAllEventsSinceLocked) and cacher.go (Watch, dispatchEvent, bookmarks).
import type { KubeObject } from '../registry/object.ts'
import type { ResourceInfo } from '../registry/resource-info.ts'
import type { WatchListener } from '../watch-event.ts'

/** Does an object pass a watch's or a list's selectors (label, field, namespace)? */
export type Matcher = (obj: KubeObject) => boolean

/**
 * One change the store's watch reports, in revision order:
 * - `put`: the object at `key` was created or replaced; `object.metadata.resourceVersion` is `String(revision)`.
 * - `delete`: the object at `key` was deleted at `revision` (only keys that exist are deleted).
 * - `progress`: nothing of this resource changed up to `revision` (other resources were written);
 *   the cache is now that fresh.
 */
export type StoreChange =
  | { readonly type: 'put'; readonly key: string; readonly object: KubeObject; readonly revision: number }
  | { readonly type: 'delete'; readonly key: string; readonly revision: number }
  | { readonly type: 'progress'; readonly revision: number }

/** An object with its storage key (`/registry/configmaps/default/web`). */
export interface KeyedObject {
  readonly key: string
  readonly object: KubeObject
}

export interface WatchCacheOptions {
  /** How many events the window keeps (the real cache starts at 100 and grows up to 102 400). */
  readonly capacity: number
  /** The cached resource: its `apiVersion` and `kind` name the objects BOOKMARK events carry. */
  readonly resource: ResourceInfo
  /** The list the cache starts from (the reflector's first LIST): every object, at `resourceVersion`. */
  readonly items: readonly KeyedObject[]
  readonly resourceVersion: number
}

export interface CacheWatchOptions {
  /** "" or "0": the current state as ADDED events first. "N": every change after N. Never above the cache's resourceVersion. */
  readonly resourceVersion: string
  /** The watch's selectors; absent means every object. */
  readonly matches?: Matcher
  /** Whether this watch receives BOOKMARK events (allowWatchBookmarks). */
  readonly allowBookmarks?: boolean
}

/** A list served from the cache: matching objects in key order, at the cache's resourceVersion. */
export interface CacheList {
  readonly items: readonly KubeObject[]
  readonly resourceVersion: string
}

export interface CacheWatch {
  /** Nothing is delivered to the watch's listener after this returns. */
  stop(): void
}

export interface ResourceWatchCache {
  /** Every change up to this revision has been applied. */
  readonly resourceVersion: number
  apply(change: StoreChange): void
  list(matches?: Matcher): CacheList
  /** Start a watch; one that cannot be served gets a single ERROR event (410 Expired) and ends. */
  watch(options: CacheWatchOptions, listener: WatchListener): CacheWatch
  /** Send a BOOKMARK at the current resourceVersion to every watch that allows bookmarks. */
  bookmark(): void
}

export type WatchCacheFactory = (options: WatchCacheOptions) => ResourceWatchCache
