// The reflector against the in-memory API server: client-go's TestReflectorWatchHandler as data,
// and its list/watch/relist rules from tools/cache/reflector.go (relist on 410 at the last synced
// version, reopen a closed watch from it, bookmarks move it, backoff between failed lists).
import { describe, expect, test } from 'vitest'
import { VirtualClock } from '../sim/virtual-clock.ts'
import { FakeListerWatcher, type FakeRequest } from './fake-lister-watcher.ts'
import type { KubeObject } from './list-watch.ts'
import { Reflector } from './reflector.ts'
import { drive } from './sim-driver.ts'
import { newStore } from './store.ts'

const pod = (name: string, phase = 'Pending'): KubeObject & { status: { phase: string } } => ({ kind: 'Pod', metadata: { name, namespace: 'default' }, status: { phase } })
const requestLine = (r: FakeRequest) => (r.type === 'list' ? `list rv=${r.resourceVersion}` : `watch rv=${r.resourceVersion} ${typeof r.answer === 'string' ? r.answer : r.answer.error}`)

function setup(options: { windowSize?: number } = {}) {
  const clock = new VirtualClock()
  const server = new FakeListerWatcher({ clock, windowSize: options.windowSize ?? 100, startResourceVersion: 10 })
  const store = newStore()
  const reflector = new Reflector({ listerWatcher: server, store, clock })
  return { clock, server, store, reflector }
}
const rvOf = (store: ReturnType<typeof newStore>, key: string) => store.getByKey(key)?.metadata?.resourceVersion

describe('Reflector', () => {
  test('events after the list are applied in order and the last one sets the resume version (TestReflectorWatchHandler)', async () => {
    const { clock, server, store, reflector } = setup()
    server.apply(pod('foo'))
    server.apply(pod('bar'))
    reflector.run()
    await drive(clock)
    server.delete('default/foo')
    server.apply(pod('bar', 'Running'))
    server.apply(pod('baz'))
    await drive(clock)
    expect(store.listKeys().sort()).toEqual(['default/bar', 'default/baz'])
    expect(rvOf(store, 'default/bar')).toBe('14')
    expect(reflector.lastSyncResourceVersion()).toBe('15')
  })

  test('the first list asks for any version ("0") and the watch starts at the list version', async () => {
    const { clock, server, reflector } = setup()
    server.apply(pod('foo'))
    reflector.run()
    await drive(clock)
    expect(server.requests.map(requestLine)).toEqual(['list rv=0', 'watch rv=11 started'])
  })

  test('a 410 on the watch leads to a relist at the last synced version after a backoff, then a watch from the new list', async () => {
    const { clock, server, store, reflector } = setup()
    reflector.run()
    await drive(clock)
    server.apply(pod('foo'))
    await drive(clock)
    server.expireWatches()
    server.apply(pod('bar'))
    const before = clock.now()
    await drive(clock)
    expect(server.requests.map(requestLine)).toEqual(['list rv=0', 'watch rv=10 started', 'list rv=11', 'watch rv=12 started'])
    const relist = server.requests[2]
    expect(relist.atMs - before).toBe(800)
    expect(store.listKeys().sort()).toEqual(['default/bar', 'default/foo'])
  })

  test('a watch that closes after a while is reopened from the last version, without a relist', async () => {
    const { clock, server, reflector } = setup()
    reflector.run()
    await drive(clock)
    server.apply(pod('foo'))
    await drive(clock, { forMs: 5000 })
    server.closeWatches()
    await drive(clock)
    expect(server.requests.map(requestLine)).toEqual(['list rv=0', 'watch rv=10 started', 'watch rv=11 started'])
  })

  test('a watch that closes at once with nothing in it counts as a failure: relist after a backoff', async () => {
    const { clock, server, reflector } = setup()
    reflector.run()
    await drive(clock)
    server.closeWatches()
    await drive(clock)
    expect(server.requests.map(requestLine)).toEqual(['list rv=0', 'watch rv=10 started', 'list rv=10', 'watch rv=10 started'])
  })

  test('a bookmark moves the resume version forward, so a reopened watch starts past writes to other resources', async () => {
    const { clock, server, reflector } = setup()
    reflector.run()
    await drive(clock, { forMs: 5000 })
    server.apply(pod('foo'))
    server.advanceResourceVersion(3)
    server.sendBookmarks()
    await drive(clock)
    expect(reflector.lastSyncResourceVersion()).toBe('14')
    server.closeWatches()
    await drive(clock)
    expect(server.requests.at(-1)).toMatchObject({ type: 'watch', resourceVersion: '14', answer: 'started' })
  })

  test('while the server is down, lists are retried with a growing backoff', async () => {
    const { clock, server, reflector } = setup()
    server.restart(10_000)
    reflector.run()
    await drive(clock)
    const lists = server.requests.filter((r) => r.type === 'list').map((r) => r.atMs)
    expect(lists).toEqual([0, 800, 2400, 5600, 12000])
    expect(server.activeWatches()).toBe(1)
  })

  test('after a restart the old version is gone: the reflector relists and converges', async () => {
    const { clock, server, store, reflector } = setup()
    server.apply(pod('foo'))
    reflector.run()
    await drive(clock, { forMs: 5000 })
    server.restart(3000)
    server.delete('default/foo')
    server.apply(pod('bar'))
    await drive(clock)
    expect(store.listKeys()).toEqual(['default/bar'])
  })

  test('stop ends the watch and nothing is applied after it', async () => {
    const { clock, server, store, reflector } = setup()
    reflector.run()
    await drive(clock)
    reflector.stop()
    server.apply(pod('foo'))
    await drive(clock)
    expect(store.list()).toEqual([])
    expect(server.activeWatches()).toBe(0)
  })
})
