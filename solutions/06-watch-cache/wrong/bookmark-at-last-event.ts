// Wrong: a bookmark carries the resourceVersion of the last event the watch received instead of the cache's current one, so progress from other writes never reaches the client.
import type { WatchEvent } from '../../../src/api/watch-event.ts'
import { WatchCache as Solution, type Watcher } from '../watch-cache.ts'

export type { CacheList, CacheWatch, CacheWatchOptions, KeyedObject, KubeObject, Matcher, StoreChange, WatchCacheOptions, WatchEvent, WatchListener } from '../watch-cache.ts'

export class WatchCache extends Solution {
  readonly #lastSent = new WeakMap<Watcher, string>()

  protected override send(watcher: Watcher, event: WatchEvent): void {
    if (event.type === 'BOOKMARK') {
      const resourceVersion = this.#lastSent.get(watcher) ?? String(this.listResourceVersion)
      super.send(watcher, { type: 'BOOKMARK', object: { ...event.object, metadata: { resourceVersion } } })
      return
    }
    if (event.type !== 'ERROR') this.#lastSent.set(watcher, event.object.metadata!.resourceVersion!)
    super.send(watcher, event)
  }
}
