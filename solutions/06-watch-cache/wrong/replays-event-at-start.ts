// Wrong: a watch from resourceVersion X also replays the event AT X, which the client already has (>= instead of >).
import { WatchCache as Solution, type CacheEvent } from '../watch-cache.ts'

export type { CacheList, CacheWatch, CacheWatchOptions, KeyedObject, KubeObject, Matcher, StoreChange, WatchCacheOptions, WatchEvent, WatchListener } from '../watch-cache.ts'

export class WatchCache extends Solution {
  protected override eventsAfter(revision: number): CacheEvent[] {
    return super.eventsAfter(revision - 1)
  }
}
