// The ListerWatcher over the engine's API server: list and watch through a typed resource client
// (src/api/client.ts), optionally narrowed by label and field selectors, exactly as client-go's
// NewFilteredListWatchFromClient builds one from a REST client (tools/cache/listwatch.go).
// The API server's watches end only with an ERROR event or when stopped, so CLOSED never comes
// from this adapter.
import type { ResourceClient } from '../api/client.ts'
import type { KubeObject } from '../api/registry/object.ts'
import type { ListerWatcher } from './list-watch.ts'

export interface ListWatchSelectors {
  readonly labelSelector?: string
  readonly fieldSelector?: string
}

export function listerWatcherFromClient<T extends KubeObject>(client: Pick<ResourceClient<T>, 'list' | 'watch'>, selectors: ListWatchSelectors = {}): ListerWatcher<T> {
  return {
    async list(options) {
      const list = await client.list({ ...options, ...selectors })
      return { items: list.items, metadata: { resourceVersion: list.metadata.resourceVersion, continue: list.metadata.continue } }
    },
    watch(options, handler) {
      return client.watch({ ...options, ...selectors }, (event) => handler(event))
    },
  }
}
