// List and watch of one resource served from any ResourceWatchCache (the engine's, or a learner's
// from lesson 06), fed by its own store watch on the resource's key prefix: the way the real
// kube-apiserver runs one cacher per resource, each with one etcd watch however many clients
// watch. Options follow the API's rules (selectors, resourceVersion "", "0" or "N"; a
// resourceVersion the cache has not reached yet waits for a store progress notification, then
// fails with 504 as the real cacher does after its 3 s). Events reach listeners on a microtask, in
// order, never after stop(), like the API server's own watches.
// Mirrors staging/src/k8s.io/apiserver/pkg/storage/cacher/cacher.go (NewCacherFromConfig's
// reflector over one resource, Watch, GetList, waitUntilFreshAndBlock).
import { prefixEnd, type KeyValueStore, type Watch, type WatchResponse } from '../../store/index.ts'
import { newBadRequest, newTooLargeResourceVersion } from '../errors/api-errors.ts'
import type { KubeObject } from '../registry/object.ts'
import type { ResourceInfo } from '../registry/resource-info.ts'
import { listPrefix } from '../registry/resource-info.ts'
import { parseRevision, parseSelectors } from '../server/request-options.ts'
import { ObjectCodec } from '../storage/codec.ts'
import type { ListOptions, ObjectList, WatchOptions } from '../types.ts'
import type { WatchEvent, WatchHandle, WatchListener } from '../watch-event.ts'
import type { Matcher, ResourceWatchCache, WatchCacheFactory } from './resource-watch-cache.ts'
import { compilePredicate } from './watch-filter.ts'

export interface WatchCacheEndpointOptions {
  readonly kv: KeyValueStore
  readonly resource: ResourceInfo
  /** Builds the cache from the first list, e.g. `(o) => new WatchCache(o)`. */
  readonly cache: WatchCacheFactory
  /** Events the window keeps (default 100, the real cache's starting size). */
  readonly capacity?: number
}

export class WatchCacheEndpoint {
  readonly resource: ResourceInfo
  readonly #kv: KeyValueStore
  readonly #cache: ResourceWatchCache
  #storeWatch: Watch | undefined

  private constructor(kv: KeyValueStore, resource: ResourceInfo, cache: ResourceWatchCache) {
    this.#kv = kv
    this.resource = resource
    this.#cache = cache
  }

  /** List the resource from the store, build the cache from it, then watch from the next revision. */
  static async start(options: WatchCacheEndpointOptions): Promise<WatchCacheEndpoint> {
    const { kv, resource } = options
    const codec = new ObjectCodec()
    const range = { key: resource.keyPrefix, rangeEnd: prefixEnd(resource.keyPrefix) }
    const list = await kv.range(range)
    const items = list.kvs.map((entry) => ({ key: entry.key, object: codec.decode(entry) }))
    const cache = options.cache({ capacity: options.capacity ?? 100, resource, items, resourceVersion: list.header.revision })
    const endpoint = new WatchCacheEndpoint(kv, resource, cache)
    endpoint.#storeWatch = await kv.watch({ ...range, startRevision: list.header.revision + 1 }, (r) => endpoint.#onStoreResponse(r, codec))
    return endpoint
  }

  get resourceVersion(): number {
    return this.#cache.resourceVersion
  }

  async stop(): Promise<void> {
    await this.#storeWatch?.cancel()
  }

  /** The matching objects, from the cache (no pagination: `limit` and `continue` are refused). */
  async list(namespace: string, options: ListOptions = {}): Promise<ObjectList> {
    if (options.limit || options.continue) throw newBadRequest('this endpoint serves whole lists from the watch cache only')
    await this.#waitUntilFresh(options.resourceVersion ?? '')
    const list = this.#cache.list(this.#matcher(namespace, options))
    return { apiVersion: this.resource.apiVersion, kind: `${this.resource.kind}List`, metadata: { resourceVersion: list.resourceVersion }, items: list.items }
  }

  async watch(namespace: string, options: WatchOptions, listener: WatchListener): Promise<WatchHandle> {
    if (options.sendInitialEvents) throw newBadRequest('this endpoint does not serve sendInitialEvents')
    const rv = options.resourceVersion ?? ''
    await this.#waitUntilFresh(rv)
    const delivery = new OrderedDelivery(listener)
    const cache = this.#cache
    const watch = cache.watch({ resourceVersion: rv, matches: this.#matcher(namespace, options), allowBookmarks: options.allowWatchBookmarks ?? false }, (e) => delivery.push(e))
    return {
      stop: () => {
        delivery.stop()
        watch.stop()
      },
      // The seam has one bookmark call for every watcher; extra bookmarks are harmless to clients.
      requestBookmark: () => cache.bookmark(),
      get active() {
        return delivery.active
      },
    }
  }

  #matcher(namespace: string, options: { labelSelector?: string; fieldSelector?: string }): Matcher {
    const selectors = parseSelectors(this.resource, options.labelSelector, options.fieldSelector)
    return compilePredicate({ resource: this.resource, namespace: this.resource.namespaced ? namespace : '', ...selectors })
  }

  async #waitUntilFresh(rv: string): Promise<void> {
    if (rv === '0') return
    const wanted = rv === '' ? (await this.#kv.range({ key: listPrefix(this.resource, ''), countOnly: true })).header.revision : parseRevision(rv)
    if (wanted <= this.#cache.resourceVersion) return
    await this.#storeWatch?.requestProgress()
    if (wanted > this.#cache.resourceVersion) throw newTooLargeResourceVersion(wanted, this.#cache.resourceVersion, 1)
  }

  #onStoreResponse(response: WatchResponse, codec: ObjectCodec): void {
    if (response.type === 'progress') this.#cache.apply({ type: 'progress', revision: response.header.revision })
    if (response.type !== 'events') return
    for (const { type, kv } of response.events) {
      if (type === 'put') this.#cache.apply({ type: 'put', key: kv.key, object: codec.decode(kv), revision: kv.modRevision })
      else {
        codec.forget(kv.key)
        this.#cache.apply({ type: 'delete', key: kv.key, revision: kv.modRevision })
      }
    }
  }
}

/** A listener's events, delivered on a microtask in the order pushed, none after stop() or an ERROR. */
class OrderedDelivery {
  #queue: WatchEvent[] = []
  #scheduled = false
  #stopped = false

  constructor(readonly listener: WatchListener) {}

  get active(): boolean {
    return !this.#stopped
  }

  push(event: WatchEvent<KubeObject>): void {
    if (this.#stopped) return
    this.#queue.push(event)
    if (this.#scheduled) return
    this.#scheduled = true
    queueMicrotask(() => this.#flush())
  }

  stop(): void {
    this.#stopped = true
    this.#queue = []
  }

  #flush(): void {
    this.#scheduled = false
    const batch = this.#queue
    this.#queue = []
    for (const event of batch) {
      if (this.#stopped) return
      if (event.type === 'ERROR') this.#stopped = true
      this.listener(event)
    }
  }
}
