// Lesson 06 — the watch cache. Write the WatchCache below; `npm run lesson -- grade 06` grades it.
//
// Your cache holds ONE resource (the real kube-apiserver runs one per resource). The store's watch
// feeds it every change, in order, through `apply`; clients list and watch through it, never the
// store. WatchCacheEndpoint (src/api/cacher/watch-cache-endpoint.ts) plugs it into the engine:
//
//   const endpoint = await WatchCacheEndpoint.start({ kv: store, resource: configMaps, cache: (o) => new WatchCache(o) })
//   await endpoint.watch('default', { resourceVersion: '0', labelSelector: 'app=web' }, (e) => console.log(e))
//
// What you work with (open these files to read their doc comments):
//   StoreChange, WatchCacheOptions, CacheWatchOptions, CacheList, CacheWatch, Matcher
//                                              src/api/cacher/resource-watch-cache.ts
//   WatchEvent, WatchListener, BookmarkObject  src/api/watch-event.ts
//   Status                                     src/api/errors/status.ts
import type { KubeObject } from '../../src/api/registry/object.ts'
import type { CacheList, CacheWatch, CacheWatchOptions, Matcher, ResourceWatchCache, StoreChange, WatchCacheOptions } from '../../src/api/cacher/resource-watch-cache.ts'
import type { WatchListener } from '../../src/api/watch-event.ts'
import { NotImplemented } from '../../harness/grading/not-implemented.ts'

// A helper, ready for you: `newResourceExpired(message).status` is the Status of a 410 Gone with
// reason Expired — the object of the ERROR event a too-old watch gets.
import { newResourceExpired } from '../../src/api/errors/api-errors.ts'

export type { CacheList, CacheWatch, CacheWatchOptions, KeyedObject, Matcher, StoreChange, WatchCacheOptions } from '../../src/api/cacher/resource-watch-cache.ts'
export type { KubeObject } from '../../src/api/registry/object.ts'
export type { WatchEvent, WatchListener } from '../../src/api/watch-event.ts'

/**
 * The API server's in-memory copy of one resource: the current state of every object, and a
 * window of the last `capacity` events so that watches can start a little in the past.
 * Mirrors watch_cache.go, cache_watcher.go and the Watch of cacher.go in
 * staging/src/k8s.io/apiserver/pkg/storage/cacher/.
 */
export class WatchCache implements ResourceWatchCache {
  /**
   * Start from the first list: `options.items` (each object with its key) at
   * `options.resourceVersion`. The window starts empty, and nothing has been evicted from it yet.
   */
  constructor(options: WatchCacheOptions) {
    throw new NotImplemented('WatchCache constructor')
  }

  /** Every change up to this revision has been applied: the list's, then the latest change's or progress's. */
  get resourceVersion(): number {
    throw new NotImplemented('WatchCache.resourceVersion')
  }

  /**
   * One change from the store, in revision order. Update the current state, record the event in
   * the window (evicting the oldest when it is full), and hand it to every running watch:
   * - `put` of a key you don't have is ADDED, of one you have is MODIFIED (the object is the new state);
   * - `delete` is DELETED, and its object is the object's last state with `metadata.resourceVersion`
   *   set to the deletion's revision (objects are frozen: build a new one);
   * - `progress` changes nothing but `resourceVersion`.
   * A watch with a selector sees each event through it: see `watch`.
   */
  apply(change: StoreChange): void {
    throw new NotImplemented('WatchCache.apply')
  }

  /** The objects that pass `matches` (all when absent), in key order, at `String(resourceVersion)`. */
  list(matches?: Matcher): CacheList {
    throw new NotImplemented('WatchCache.list')
  }

  /**
   * Start a watch. Deliver events by calling `listener` (calling it from inside `watch` or `apply`
   * is fine).
   *
   * `options.resourceVersion`:
   * - "" or "0": first one ADDED event for each current object that passes `matches`, in key order;
   *   then every later change.
   * - "N" (never above `resourceVersion`): every change after N, oldest first, then every later
   *   change — nothing at or before N. If some change after N has already left the window, send a
   *   single `{ type: 'ERROR', object: newResourceExpired('too old resource version: N (M)').status }`
   *   and nothing else, ever; M is the lowest resourceVersion you could still serve. Kubernetes'
   *   rule for M: while no event has been evicted since the list, M is the list's resourceVersion;
   *   after that, M is one below the oldest event still in the window.
   *
   * With a selector (`matches`), compare the object before and after each change: passes after
   * only → ADDED; before and after → MODIFIED; before only → DELETED, carrying the state before
   * (the last one the watch saw match) with `metadata.resourceVersion` set to the change's
   * revision; neither → nothing. (A delete has no "after".)
   */
  watch(options: CacheWatchOptions, listener: WatchListener): CacheWatch {
    throw new NotImplemented('WatchCache.watch')
  }

  /**
   * Send every running watch that allows bookmarks one
   * `{ type: 'BOOKMARK', object: { apiVersion, kind, metadata: { resourceVersion } } }`:
   * the resource's apiVersion and kind (from `options.resource`), the cache's current
   * resourceVersion as a string, and nothing else.
   */
  bookmark(): void {
    throw new NotImplemented('WatchCache.bookmark')
  }
}

/** A helper you may want: the object with `metadata.resourceVersion` replaced, as a new object. */
function withResourceVersion(obj: KubeObject, revision: number): KubeObject {
  throw new NotImplemented('withResourceVersion')
}
