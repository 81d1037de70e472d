// Wrong: a watch from resourceVersion "0" (or unset) starts from now without sending the current state as ADDED events.
import type { CacheWatch, CacheWatchOptions } from '../../../src/api/cacher/resource-watch-cache.ts'
import type { WatchListener } from '../../../src/api/watch-event.ts'
import { WatchCache as Solution } from '../watch-cache.ts'

export type { CacheList, CacheWatch, CacheWatchOptions, KeyedObject, KubeObject, Matcher, StoreChange, WatchCacheOptions, WatchEvent, WatchListener } from '../watch-cache.ts'

export class WatchCache extends Solution {
  override watch(options: CacheWatchOptions, listener: WatchListener): CacheWatch {
    const rv = options.resourceVersion
    return super.watch(rv === '' || rv === '0' ? { ...options, resourceVersion: String(this.resourceVersion) } : options, listener)
  }
}
