// Events are served from storage, never the watch cache, as kube-apiserver serves them
// (pkg/registry/core/event/storage/storage.go: UndecoratedStorage). The cases follow the etcd3
// watcher's behaviour (staging/src/k8s.io/apiserver/pkg/storage/etcd3/watcher_test.go:
// TestWatch's label transitions, TestWatchFromZero's initial state, TestWatchError's compaction).
import type { Event } from 'kubernetes-types/core/v1.js'
import { describe, expect, test } from 'vitest'
import { isApiError } from '../errors/status.ts'
import { startTestServer, settle } from '../testing.ts'
import type { WatchEvent } from '../watch-event.ts'
import { ObjectCodec } from './codec.ts'

function event(name: string, labels: Record<string, string> = {}, message = 'hello'): Event {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default', labels },
    involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' },
    reason: 'Scheduled',
    message,
    type: 'Normal',
    source: { component: 'default-scheduler' },
    count: 1,
  }
}

const line = (e: WatchEvent) => (e.type === 'ERROR' ? `ERROR ${e.object.code} ${e.object.message}` : e.type === 'BOOKMARK' ? `BOOKMARK @${e.object.metadata.resourceVersion}` : `${e.type} ${e.object.metadata?.name}@${e.object.metadata?.resourceVersion}`)

describe('events, served from storage', () => {
  test('a watch from "0" sees the current events first, then each change as the selector sees it', async () => {
    const { client } = await startTestServer()
    const events = client.events('default')
    const a = await events.create(event('a', { tier: 'web' }))
    await events.create(event('b', { tier: 'db' }))
    const seen: WatchEvent[] = []
    const handle = await events.watch({ resourceVersion: '0', labelSelector: 'tier=web' }, (e) => seen.push(e))
    await settle()
    expect(seen.map(line)).toEqual([`ADDED a@${a.metadata?.resourceVersion}`])

    const c = await events.create(event('c', { tier: 'web' }))
    const aMoved = await events.update({ ...a, metadata: { ...a.metadata, labels: { tier: 'db' } } })
    const bMoved = await events.patch('b', 'merge', { metadata: { labels: { tier: 'web' } } })
    const cChanged = await events.patch('c', 'merge', { message: 'again' })
    await events.delete('c')
    await settle()
    const deletedAt = (await client.events('default').list()).metadata.resourceVersion
    expect(seen.map(line).slice(1)).toEqual([
      `ADDED c@${c.metadata?.resourceVersion}`,
      // Leaving the selector is a DELETED carrying the last state that matched.
      `DELETED a@${aMoved.metadata?.resourceVersion}`,
      `ADDED b@${bMoved.metadata?.resourceVersion}`,
      `MODIFIED c@${cChanged.metadata?.resourceVersion}`,
      `DELETED c@${deletedAt}`,
    ])
    const deleted = seen.at(-1)!.object as Event
    expect(deleted.message).toBe('again')
    handle.stop()
    await events.create(event('d', { tier: 'web' }))
    await settle()
    expect(seen).toHaveLength(6)
  })

  test('stopping the server ends its storage watches', async () => {
    const { client, server, store } = await startTestServer()
    const seen: WatchEvent[] = []
    const handle = await client.events('default').watch({ resourceVersion: '0' }, (e) => seen.push(e))
    await server.stop()
    expect(handle.active).toBe(false)
    await store.put({ key: '/registry/events/default/late', value: JSON.stringify(event('late')) })
    await settle()
    expect(seen).toEqual([])
  })

  test('a watch from a revision gets every change after it, exactly once', async () => {
    const { client } = await startTestServer()
    const events = client.events('default')
    const a = await events.create(event('a'))
    const b = await events.create(event('b'))
    const seen: WatchEvent[] = []
    await events.watch({ resourceVersion: a.metadata?.resourceVersion }, (e) => seen.push(e))
    const c = await events.create(event('c'))
    await settle()
    expect(seen.map(line)).toEqual([`ADDED b@${b.metadata?.resourceVersion}`, `ADDED c@${c.metadata?.resourceVersion}`])
  })

  test('history is storage\'s, not the watch cache\'s window', async () => {
    // A watch cache of 4 events could not replay 20; storage still has them all.
    const { client } = await startTestServer({ watchCacheCapacity: 4 })
    const events = client.events('default')
    const first = await events.create(event('e0'))
    for (let i = 1; i < 20; i++) await events.create(event(`e${i}`))
    const seen: WatchEvent[] = []
    await events.watch({ resourceVersion: first.metadata?.resourceVersion }, (e) => seen.push(e))
    await settle()
    expect(seen.map((e) => e.type === 'ADDED' && e.object.metadata?.name)).toEqual(Array.from({ length: 19 }, (_, i) => `e${i + 1}`))
    // Pods are cached: the same replay is too old for the cache.
    const pods = client.pods('default')
    const p0 = await pods.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p0' }, spec: { containers: [{ name: 'c', image: 'i' }] } })
    for (let i = 1; i < 20; i++) await pods.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}` }, spec: { containers: [{ name: 'c', image: 'i' }] } })
    const podEvents: WatchEvent[] = []
    await pods.watch({ resourceVersion: p0.metadata?.resourceVersion }, (e) => podEvents.push(e))
    await settle()
    expect(podEvents.map((e) => e.type)).toEqual(['ERROR'])
  })

  test('a watch from a compacted revision ends with 410 Expired, as the etcd3 watcher says it', async () => {
    const { client, store } = await startTestServer()
    const events = client.events('default')
    const a = await events.create(event('a'))
    await events.create(event('b'))
    const latest = await events.create(event('c'))
    await store.compact(Number(latest.metadata?.resourceVersion))
    const seen: WatchEvent[] = []
    const handle = await events.watch({ resourceVersion: a.metadata?.resourceVersion }, (e) => seen.push(e))
    await settle()
    expect(seen.map(line)).toEqual(['ERROR 410 The resourceVersion for the provided watch is too old.'])
    expect(handle.active).toBe(false)
  })

  test('reads at a version storage has not reached are 504 Timeout', async () => {
    const { client } = await startTestServer()
    const events = client.events('default')
    const a = await events.create(event('a'))
    const future = String(Number(a.metadata?.resourceVersion) + 100)
    const got = await events.get('a', { resourceVersion: future }).catch((e: unknown) => e)
    expect(isApiError(got, 'Timeout')).toBe(true)
    const listed = await events.list({ resourceVersion: future, resourceVersionMatch: 'NotOlderThan' }).catch((e: unknown) => e)
    expect(isApiError(listed, 'Timeout')).toBe(true)
    // Reached versions read the latest state.
    expect((await events.get('a', { resourceVersion: '0' })).metadata?.uid).toBe(a.metadata?.uid)
    expect((await events.list({ resourceVersion: a.metadata?.resourceVersion })).items.map((e) => e.metadata?.name)).toEqual(['a'])
  })

  test('a requested bookmark carries the store revision; sendInitialEvents ends its initial events with one', async () => {
    const { client } = await startTestServer()
    const events = client.events('default')
    await events.create(event('a'))
    const b = await events.create(event('b'))
    const seen: WatchEvent[] = []
    const handle = await events.watch({ sendInitialEvents: true, resourceVersionMatch: 'NotOlderThan', resourceVersion: '0', allowWatchBookmarks: true }, (e) => seen.push(e))
    await settle()
    expect(seen.map((e) => e.type)).toEqual(['ADDED', 'ADDED', 'BOOKMARK'])
    expect(seen[2].object.metadata).toEqual({ resourceVersion: b.metadata?.resourceVersion, annotations: { 'k8s.io/initial-events-end': 'true' } })
    await client.pods('default').create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'i' }] } })
    handle.requestBookmark()
    await settle()
    const last = seen.at(-1)!
    expect(last.type).toBe('BOOKMARK')
    expect(Number((last.object as { metadata: { resourceVersion: string } }).metadata.resourceVersion)).toBeGreaterThan(Number(b.metadata?.resourceVersion))
  })
})

describe('ObjectCodec.decode', () => {
  test('remembers the latest version of a key only when asked to', () => {
    const codec = new ObjectCodec()
    const kv = { key: '/registry/events/default/a', value: JSON.stringify(event('a')), createRevision: 5, modRevision: 5, version: 1, lease: 0 }
    expect(codec.decode(kv, false)).not.toBe(codec.decode(kv, false))
    expect(codec.decode(kv)).toBe(codec.decode(kv))
  })
})
