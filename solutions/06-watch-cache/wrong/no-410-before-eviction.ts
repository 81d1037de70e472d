// Wrong: answers 410 Gone only once an event has been evicted, so before the window first fills a watch from below the list's resourceVersion is served as if nothing were missing.
import { WatchCache as Solution } from '../watch-cache.ts'

export type { CacheList, CacheWatch, CacheWatchOptions, KeyedObject, KubeObject, Matcher, StoreChange, WatchCacheOptions, WatchEvent, WatchListener } from '../watch-cache.ts'

export class WatchCache extends Solution {
  protected override lowestServable(): number {
    return this.start === 0 ? 0 : super.lowestServable()
  }
}
