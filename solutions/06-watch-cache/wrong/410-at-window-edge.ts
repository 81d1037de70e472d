// Wrong: answers 410 Gone to a watch from the lowest servable resourceVersion itself (one below the oldest kept event), as if the event just after it were gone.
import { WatchCache as Solution } from '../watch-cache.ts'

export type { CacheList, CacheWatch, CacheWatchOptions, KeyedObject, KubeObject, Matcher, StoreChange, WatchCacheOptions, WatchEvent, WatchListener } from '../watch-cache.ts'

export class WatchCache extends Solution {
  protected override lowestServable(): number {
    return super.lowestServable() + 1
  }
}
