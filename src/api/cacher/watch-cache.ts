// The watch cache: the API server's in-memory replica of the store, fed by one store watch. It
// keeps (1) the current state of every object, per resource, for lists served from memory, and
// (2) a bounded window of the most recent change events, so a watch can start from any revision
// inside the window; below the window the answer is 410 Expired ("too old resource version").
// Mirrors staging/src/k8s.io/apiserver/pkg/storage/cacher/watch_cache.go (the cyclic buffer
// `cache[startIndex..endIndex)`, processEvent, getAllEventsSinceLocked and its `oldest` rule).
import { newResourceExpired } from '../errors/api-errors.ts'
import type { KubeObject } from '../registry/object.ts'
import type { ResourceInfo } from '../registry/resource-info.ts'

export interface CacheEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED'
  readonly key: string
  readonly resource: ResourceInfo
  /** The new state; for DELETED the last state with the deletion's resourceVersion. */
  readonly object: KubeObject
  /** The state before this event (for MODIFIED and DELETED). */
  readonly prevObject?: KubeObject
  readonly revision: number
}

export class WatchCache {
  readonly capacity: number
  readonly #buffer: (CacheEvent | undefined)[]
  #startIndex = 0
  #endIndex = 0
  /** Revision of the initial list the cache was filled from. */
  #listRevision = 0
  /** Every event up to this revision has been applied. */
  revision = 0
  readonly #state = new Map<ResourceInfo, Map<string, KubeObject>>()

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`watch cache capacity must be a positive integer, got ${capacity}`)
    this.capacity = capacity
    this.#buffer = new Array<CacheEvent | undefined>(capacity)
  }

  /** Fill the state from a list at `revision` (the cache's Replace). */
  replace(objects: Iterable<{ key: string; resource: ResourceInfo; object: KubeObject }>, revision: number): void {
    this.#state.clear()
    for (const { key, resource, object } of objects) this.#objects(resource).set(key, object)
    this.#listRevision = revision
    this.revision = revision
    this.#startIndex = 0
    this.#endIndex = 0
  }

  /** Apply one store change; returns the event (also kept in the window). */
  apply(type: 'put' | 'delete', key: string, resource: ResourceInfo, object: KubeObject | undefined, revision: number): CacheEvent | undefined {
    const objects = this.#objects(resource)
    const prev = objects.get(key)
    let event: CacheEvent
    if (type === 'put') {
      objects.set(key, object!)
      event = prev === undefined ? { type: 'ADDED', key, resource, object: object!, revision } : { type: 'MODIFIED', key, resource, object: object!, prevObject: prev, revision }
    } else {
      if (prev === undefined) return undefined
      objects.delete(key)
      const last = Object.freeze({ ...prev, metadata: Object.freeze({ ...prev.metadata, resourceVersion: String(revision) }) })
      event = { type: 'DELETED', key, resource, object: last, prevObject: prev, revision }
    }
    if (this.#endIndex - this.#startIndex === this.capacity) {
      this.#buffer[this.#startIndex % this.capacity] = undefined
      this.#startIndex++
    }
    this.#buffer[this.#endIndex % this.capacity] = event
    this.#endIndex++
    this.revision = Math.max(this.revision, revision)
    return event
  }

  /** The current objects of a resource (a live view: do not keep it across awaits). */
  objects(resource: ResourceInfo): ReadonlyMap<string, KubeObject> {
    return this.#objects(resource)
  }

  get(resource: ResourceInfo, key: string): KubeObject | undefined {
    return this.#state.get(resource)?.get(key)
  }

  /**
   * Every event after `revision`, oldest first; 410 Expired when some of them have already left
   * the window.
   */
  eventsSince(revision: number): CacheEvent[] {
    const size = this.#endIndex - this.#startIndex
    let oldest: number
    if (this.#startIndex === 0) oldest = this.#listRevision + 1
    else oldest = size > 0 ? this.#buffer[this.#startIndex % this.capacity]!.revision : this.revision + 1
    if (revision < oldest - 1) throw newResourceExpired(`too old resource version: ${revision} (${oldest - 1})`)
    const out: CacheEvent[] = []
    // Binary search for the first event after `revision`.
    let lo = this.#startIndex
    let hi = this.#endIndex
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.#buffer[mid % this.capacity]!.revision <= revision) lo = mid + 1
      else hi = mid
    }
    for (let i = lo; i < this.#endIndex; i++) out.push(this.#buffer[i % this.capacity]!)
    return out
  }

  #objects(resource: ResourceInfo): Map<string, KubeObject> {
    let objects = this.#state.get(resource)
    if (objects === undefined) {
      objects = new Map()
      this.#state.set(resource, objects)
    }
    return objects
  }
}
