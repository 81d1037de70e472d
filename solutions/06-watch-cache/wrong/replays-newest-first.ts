// Wrong: replays the window newest-first (walking back from the end of the ring), so a watch from the past gets its catch-up events in reverse.
import { WatchCache as Solution, type CacheEvent } from '../watch-cache.ts'

export type { CacheList, CacheWatch, CacheWatchOptions, KeyedObject, KubeObject, Matcher, StoreChange, WatchCacheOptions, WatchEvent, WatchListener } from '../watch-cache.ts'

export class WatchCache extends Solution {
  protected override eventsAfter(revision: number): CacheEvent[] {
    return super.eventsAfter(revision).reverse()
  }
}
