// A watch served straight from storage, for resources the cacher does not keep (events): one store
// watch per API watch, its puts and deletes decoded and turned into what the selector sees. From
// "0" or unset it first lists the current state as ADDED events and watches from the list's
// revision on; from revision R it watches from R + 1, and a compacted R ends it with 410 Expired.
// Bookmarks come only on request (a progress notification from the store).
// Mirrors staging/src/k8s.io/apiserver/pkg/storage/etcd3/watcher.go (watchChan.sync for the
// initial state, transform's ADDED/MODIFIED/DELETED from the current and previous object against
// the filter, interpretWatchError's "too old" for ErrCompacted, progress notify → bookmark);
// delivery reuses the cacher's CacheWatcher, which applies the same current/previous rule.
import { prefixEnd, type Event, type KeyValueStore, type Watch, type WatchResponse } from '../../store/index.ts'
import { CacheWatcher } from '../cacher/cache-watcher.ts'
import type { CacheEvent } from '../cacher/watch-cache.ts'
import { newInternalError, newResourceExpired } from '../errors/api-errors.ts'
import { withResourceVersion, type KubeObject } from '../registry/object.ts'
import { listPrefix, type ResourceInfo } from '../registry/resource-info.ts'
import { INITIAL_EVENTS_END_ANNOTATION, type WatchHandle, type WatchListener } from '../watch-event.ts'
import type { ObjectCodec } from './codec.ts'

export const EXPIRED_WATCH_MESSAGE = 'The resourceVersion for the provided watch is too old.'

export interface StorageWatchRequest {
  readonly resource: ResourceInfo
  readonly namespace: string
  readonly matches: (obj: KubeObject) => boolean
  /** 'state': the current objects as ADDED first; 'revision': every change after it. */
  readonly start: { readonly type: 'state' } | { readonly type: 'revision'; readonly revision: number }
  readonly allowBookmarks: boolean
  /** After the initial ADDED events, a bookmark marking their end (sendInitialEvents). */
  readonly initialEventsEndBookmark: boolean
  readonly listener: WatchListener
  /** Told once the watch has ended (stopped by its owner, or after an ERROR). */
  readonly onStop?: (handle: WatchHandle) => void
}

export async function watchStorage(kv: KeyValueStore, codec: ObjectCodec, request: StorageWatchRequest): Promise<WatchHandle> {
  const { resource } = request
  const namespace = resource.namespaced ? request.namespace : ''
  const prefix = listPrefix(resource, namespace)
  let storeWatch: Watch | undefined
  let stopped = false
  let fromRevision = request.start.type === 'revision' ? request.start.revision : 0
  const watcher = new CacheWatcher({
    resource,
    namespace,
    matches: request.matches,
    listener: request.listener,
    allowBookmarks: request.allowBookmarks,
    startRevision: fromRevision,
    onStop: (handle) => {
      stopped = true
      void storeWatch?.cancel()
      request.onStop?.(handle)
    },
  })
  watcher.onBookmarkRequest = () => void storeWatch?.requestProgress()

  if (request.start.type === 'state') {
    const list = await kv.range({ key: prefix, rangeEnd: prefixEnd(prefix) })
    fromRevision = list.header.revision
    watcher.lastRevision = fromRevision
    for (const item of list.kvs) {
      const obj = codec.decode(item, false)
      if (watcher.matches(obj)) watcher.added(obj)
    }
    if (request.initialEventsEndBookmark) watcher.bookmark(fromRevision, { [INITIAL_EVENTS_END_ANNOTATION]: 'true' })
  }

  const onResponse = (response: WatchResponse): void => {
    switch (response.type) {
      case 'events':
        for (const event of response.events) {
          const cacheEvent = toCacheEvent(codec, resource, event)
          if (cacheEvent !== undefined) watcher.process(cacheEvent)
        }
        return
      case 'progress':
        if (watcher.bookmarkRequested) watcher.bookmark(response.header.revision)
        return
      case 'canceled':
        watcher.fail((response.compactRevision > 0 ? newResourceExpired(EXPIRED_WATCH_MESSAGE) : newInternalError(`watch ended: ${response.reason}`)).status)
        return
    }
  }
  const started = await kv.watch({ key: prefix, rangeEnd: prefixEnd(prefix), startRevision: fromRevision + 1, prevKv: true }, onResponse)
  storeWatch = started
  // Stopped while the store watch was starting: nothing may be delivered, so end it at once.
  if (stopped) await started.cancel()
  return watcher
}

/** A store event as the cacher would see it; a delete whose previous value is gone is dropped. */
function toCacheEvent(codec: ObjectCodec, resource: ResourceInfo, event: Event): CacheEvent | undefined {
  const { kv } = event
  const prevObject = event.prevKv === undefined ? undefined : codec.decode(event.prevKv, false)
  if (event.type === 'put') {
    const object = codec.decode(kv, false)
    return { type: kv.createRevision === kv.modRevision ? 'ADDED' : 'MODIFIED', key: kv.key, resource, object, prevObject, revision: kv.modRevision }
  }
  if (prevObject === undefined) return undefined
  return { type: 'DELETED', key: kv.key, resource, object: withResourceVersion(prevObject, kv.modRevision), prevObject, revision: kv.modRevision }
}
