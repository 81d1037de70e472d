// Wrong: filters each event by the object's new state only, so an object that stops matching is silently dropped (the watcher keeps it forever) and one that starts matching arrives as MODIFIED.
import type { Matcher } from '../../../src/api/cacher/resource-watch-cache.ts'
import type { WatchEvent } from '../../../src/api/watch-event.ts'
import { WatchCache as Solution, type CacheEvent } from '../watch-cache.ts'

export type { CacheList, CacheWatch, CacheWatchOptions, KeyedObject, KubeObject, Matcher, StoreChange, WatchCacheOptions, WatchEvent, WatchListener } from '../watch-cache.ts'

export class WatchCache extends Solution {
  protected override toWatchEvent(event: CacheEvent, matches: Matcher): WatchEvent | undefined {
    const state = event.type === 'DELETED' ? event.prevObject! : event.object
    return matches(state) ? { type: event.type, object: event.object } : undefined
  }
}
