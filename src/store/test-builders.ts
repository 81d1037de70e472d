// Small builders shared by the store's tests.
import { VirtualClock } from '../sim/virtual-clock.ts'
import { MemoryStore } from './memory-store.ts'
import { isStoreError, type StoreErrorCode } from './errors.ts'
import type { KeyValue } from './key-value.ts'
import type { WatchRequest, WatchResponse } from './watch-messages.ts'

export function newStore(options: { minLeaseTtlSeconds?: number } = {}): { store: MemoryStore; clock: VirtualClock } {
  const clock = new VirtualClock()
  return { store: new MemoryStore({ clock, ...options }), clock }
}

/** A KeyValue with lease 0 unless given. */
export function kv(key: string, value: string, createRevision: number, modRevision: number, version: number, lease = 0): KeyValue {
  return { key, value, createRevision, modRevision, version, lease }
}

/** etcd's put3TestKVs: foo, foo1, foo2 at revisions 2, 3, 4. */
export async function put3(store: MemoryStore): Promise<KeyValue[]> {
  await store.put({ key: 'foo', value: 'bar' })
  await store.put({ key: 'foo1', value: 'bar1' })
  await store.put({ key: 'foo2', value: 'bar2' })
  return [kv('foo', 'bar', 2, 2, 1), kv('foo1', 'bar1', 3, 3, 1), kv('foo2', 'bar2', 4, 4, 1)]
}

/** The error code a promise rejects with, or 'ok'. */
export async function outcome(promise: Promise<unknown>): Promise<StoreErrorCode | 'ok'> {
  try {
    await promise
    return 'ok'
  } catch (error) {
    if (isStoreError(error)) return error.code
    throw error
  }
}

/** Start a watch that records its responses. */
export async function recordWatch(store: MemoryStore, request: WatchRequest) {
  const responses: WatchResponse[] = []
  const watch = await store.watch(request, (r) => responses.push(r))
  const events = () => responses.flatMap((r) => (r.type === 'events' ? r.events : []))
  return { watch, responses, events }
}
