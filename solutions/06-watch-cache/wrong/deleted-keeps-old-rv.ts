// Wrong: a DELETED event carries the object's last state with its old resourceVersion, not the deletion's, so a client that resumes from it replays history.
import type { KubeObject } from '../../../src/api/registry/object.ts'
import { WatchCache as Solution } from '../watch-cache.ts'

export type { CacheList, CacheWatch, CacheWatchOptions, KeyedObject, KubeObject, Matcher, StoreChange, WatchCacheOptions, WatchEvent, WatchListener } from '../watch-cache.ts'

export class WatchCache extends Solution {
  protected override deletedState(prev: KubeObject): KubeObject {
    return prev
  }
}
