// The in-memory API server's list and watch rules: versions, the event window and its 410,
// synthetic ADDED for a watch from "0", bookmarks only when asked for, restarts, ordered delivery.
import { describe, expect, test } from 'vitest'
import { VirtualClock } from '../sim/virtual-clock.ts'
import { FakeListerWatcher } from './fake-lister-watcher.ts'
import type { KubeObject, WatchStreamEvent } from './list-watch.ts'
import { drive } from './sim-driver.ts'

const pod = (name: string): KubeObject => ({ kind: 'Pod', metadata: { name, namespace: 'default' } })
const line = (e: WatchStreamEvent) => (e.type === 'CLOSED' ? 'CLOSED' : e.type === 'ERROR' ? `ERROR ${e.object.code} ${e.object.reason}` : `${e.type} ${e.object.metadata?.resourceVersion}`)

async function watchLines(server: FakeListerWatcher, clock: VirtualClock, resourceVersion: string, allowWatchBookmarks = false) {
  const seen: string[] = []
  await Promise.all([server.watch({ resourceVersion, allowWatchBookmarks }, (e) => seen.push(line(e))), drive(clock)])
  return seen
}

describe('FakeListerWatcher', () => {
  test('each write gets the next resourceVersion and a list reports the current one', async () => {
    const clock = new VirtualClock()
    const server = new FakeListerWatcher({ clock, startResourceVersion: 9 })
    server.apply(pod('a'))
    server.apply(pod('a'))
    const [list] = await Promise.all([server.list({}), drive(clock)])
    expect(list.metadata.resourceVersion).toBe('11')
    expect(list.items.map((p) => p.metadata?.resourceVersion)).toEqual(['11'])
  })

  test.each([
    { name: 'a watch inside the window replays every later change', from: '11', want: ['MODIFIED 12', 'DELETED 13'] },
    { name: 'a watch from the window start is still served', from: '10', want: ['ADDED 11', 'MODIFIED 12', 'DELETED 13'] },
    { name: 'a watch from below the window gets 410 Expired and ends', from: '9', want: ['ERROR 410 Expired'] },
    { name: 'a watch from "0" starts with the current objects as ADDED', from: '0', want: ['ADDED 8'] },
  ])('$name', async ({ from, want }) => {
    const clock = new VirtualClock()
    const server = new FakeListerWatcher({ clock, startResourceVersion: 7, windowSize: 3 })
    server.apply(pod('a')) // 8, evicted later
    server.apply(pod('b')) // 9, evicted later
    server.delete('default/b') // 10
    server.apply(pod('c')) // 11
    server.apply(pod('c')) // 12
    server.delete('default/c') // 13
    // The window holds 11..13: everything after 10 can be replayed.
    expect(await watchLines(server, clock, from)).toEqual(want)
  })

  test('bookmarks go only to watches that asked for them, at the current version', async () => {
    const clock = new VirtualClock()
    const server = new FakeListerWatcher({ clock, startResourceVersion: 1 })
    const withBookmarks: string[] = []
    const without: string[] = []
    await Promise.all([server.watch({ resourceVersion: '1', allowWatchBookmarks: true }, (e) => withBookmarks.push(line(e))), server.watch({ resourceVersion: '1' }, (e) => without.push(line(e))), drive(clock)])
    server.advanceResourceVersion(5)
    server.sendBookmarks()
    await drive(clock)
    expect(withBookmarks).toEqual(['BOOKMARK 6'])
    expect(without).toEqual([])
  })

  test('a restart closes watches, refuses requests while down, and forgets the window', async () => {
    const clock = new VirtualClock()
    const server = new FakeListerWatcher({ clock, startResourceVersion: 1 })
    const seen: string[] = []
    await Promise.all([server.watch({ resourceVersion: '1' }, (e) => seen.push(line(e))), drive(clock)])
    server.apply(pod('a'))
    server.restart(1000)
    await drive(clock)
    expect(seen).toEqual(['CLOSED'])
    await expect(Promise.all([server.list({}), drive(clock)])).rejects.toMatchObject({ code: 503 })
    await drive(clock, { forMs: 1000 })
    expect(await watchLines(server, clock, '1')).toEqual(['ERROR 410 Expired'])
  })

  test('with latency, one watch still delivers in order, and a stopped watch delivers nothing', async () => {
    const clock = new VirtualClock()
    const latencies = [5, 1, 9, 0, 3]
    let i = 0
    const server = new FakeListerWatcher({ clock, startResourceVersion: 1, latencyMs: () => latencies[i++ % latencies.length] })
    const seen: string[] = []
    const [handle] = await Promise.all([server.watch({ resourceVersion: '1' }, (e) => seen.push(line(e))), drive(clock)])
    for (const name of ['a', 'b', 'c', 'd']) server.apply(pod(name))
    await drive(clock)
    expect(seen).toEqual(['ADDED 2', 'ADDED 3', 'ADDED 4', 'ADDED 5'])
    handle.stop()
    server.apply(pod('e'))
    await drive(clock)
    expect(seen).toHaveLength(4)
  })
})
