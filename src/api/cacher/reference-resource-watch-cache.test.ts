// The engine's one-resource watch cache, case by case: the window and its 410 edge (TestEvents and
// TestMarker of staging/src/k8s.io/apiserver/pkg/storage/cacher/watch_cache_test.go, ported as
// data), watches from "0", selector transitions (convertToWatchEvent in cache_watcher.go),
// DELETED's resourceVersion, and bookmarks.
import { describe, expect, test } from 'vitest'
import { configMaps } from '../registry/core-resources.ts'
import { deepFreeze, type KubeObject } from '../registry/object.ts'
import { settle } from '../testing.ts'
import type { WatchEvent } from '../watch-event.ts'
import { ReferenceResourceWatchCache } from './reference-resource-watch-cache.ts'
import type { Matcher, StoreChange } from './resource-watch-cache.ts'

const key = (name: string) => `/registry/configmaps/default/${name}`
const cm = (name: string, rv: number, app = 'x'): KubeObject =>
  deepFreeze({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', labels: { app }, resourceVersion: String(rv) } })

type Step = readonly ['put', string, number, string?] | readonly ['delete', string, number] | readonly ['progress', number] | readonly ['watch'] | readonly ['bookmark']

interface Case {
  readonly name: string
  readonly capacity: number
  /** The initial list: [name, resourceVersion] pairs, at `listRv`. */
  readonly list: readonly (readonly [string, number])[]
  readonly listRv: number
  /** Store changes; the watch starts at ['watch'] (or after every change when there is none). */
  readonly steps: readonly Step[]
  readonly from: string
  readonly selector?: 'app=x'
  readonly bookmarks?: boolean
  /** The watch's events as `TYPE name@rv`, `BOOKMARK @rv` or `ERROR code message`. */
  readonly expected: readonly string[]
}

const cases: readonly Case[] = [
  // TestEvents: capacity 5, no list (our list at 2 is empty, so the oldest deliverable event is 3 either way).
  { name: 'a watch from below the first event after the list is too old', capacity: 5, list: [], listRv: 2, steps: [['put', 'pod', 3]], from: '1', expected: ['ERROR 410 too old resource version: 1 (2)'] },
  { name: 'a watch from just before the first event gets it as ADDED', capacity: 5, list: [], listRv: 2, steps: [['put', 'pod', 3]], from: '2', expected: ['ADDED pod@3'] },
  { name: 'a cache that is not full still refuses what came before its list', capacity: 5, list: [], listRv: 2, steps: [['put', 'pod', 3], ['put', 'pod', 4], ['put', 'pod', 5]], from: '1', expected: ['ERROR 410 too old resource version: 1 (2)'] },
  { name: 'a watch from an event inside the window gets only the later ones', capacity: 5, list: [], listRv: 2, steps: [['put', 'pod', 3], ['put', 'pod', 4], ['put', 'pod', 5]], from: '3', expected: ['MODIFIED pod@4', 'MODIFIED pod@5'] },
  {
    name: 'a full window has forgotten the events before its oldest',
    capacity: 5, list: [], listRv: 2,
    steps: [['put', 'pod', 3], ['put', 'pod', 4], ['put', 'pod', 5], ['put', 'pod', 6], ['put', 'pod', 7], ['put', 'pod', 8], ['put', 'pod', 9]],
    from: '3', expected: ['ERROR 410 too old resource version: 3 (4)'],
  },
  {
    name: 'a watch from just before the oldest kept event replays the whole window',
    capacity: 5, list: [], listRv: 2,
    steps: [['put', 'pod', 3], ['put', 'pod', 4], ['put', 'pod', 5], ['put', 'pod', 6], ['put', 'pod', 7], ['put', 'pod', 8], ['put', 'pod', 9]],
    from: '4', expected: ['MODIFIED pod@5', 'MODIFIED pod@6', 'MODIFIED pod@7', 'MODIFIED pod@8', 'MODIFIED pod@9'],
  },
  { name: 'a delete arrives as DELETED with the deletion resourceVersion', capacity: 5, list: [['pod', 9]], listRv: 9, steps: [['delete', 'pod', 10]], from: '9', expected: ['DELETED pod@10'] },
  // TestMarker: capacity 3, list of pod1@5 and pod2@9 at 9.
  { name: 'a watch from below the list resourceVersion is too old even with an empty window', capacity: 3, list: [['pod1', 5], ['pod2', 9]], listRv: 9, steps: [], from: '8', expected: ['ERROR 410 too old resource version: 8 (9)'] },
  { name: 'a watch from the list resourceVersion gets no events until something changes', capacity: 3, list: [['pod1', 5], ['pod2', 9]], listRv: 9, steps: [], from: '9', expected: [] },
  { name: 'a watch from the list resourceVersion gets the first change after it', capacity: 3, list: [['pod1', 5], ['pod2', 9]], listRv: 9, steps: [['put', 'pods', 12]], from: '9', expected: ['ADDED pods@12'] },
  // The oldest-revision rule with gaps between revisions (other resources were written in between).
  {
    name: 'after an eviction the edge is one below the oldest kept event, not the evicted one',
    capacity: 2, list: [], listRv: 2,
    steps: [['put', 'a', 3], ['put', 'b', 6], ['put', 'c', 9]],
    from: '4', expected: ['ERROR 410 too old resource version: 4 (5)'],
  },
  { name: 'after an eviction a watch from one below the oldest kept event is served', capacity: 2, list: [], listRv: 2, steps: [['put', 'a', 3], ['put', 'b', 6], ['put', 'c', 9]], from: '5', expected: ['ADDED b@6', 'ADDED c@9'] },
  { name: 'progress moves the cache resourceVersion without filling the window', capacity: 2, list: [], listRv: 2, steps: [['progress', 7], ['put', 'a', 8]], from: '2', expected: ['ADDED a@8'] },
  // Watches from the current state.
  { name: 'a watch from 0 starts with the current state as ADDED, in key order', capacity: 3, list: [['b', 2], ['a', 3]], listRv: 4, steps: [['watch'], ['put', 'c', 5]], from: '0', expected: ['ADDED a@3', 'ADDED b@2', 'ADDED c@5'] },
  { name: 'an unset resourceVersion also starts with the current state', capacity: 3, list: [['a', 3]], listRv: 4, steps: [['delete', 'a', 5], ['put', 'b', 6]], from: '', expected: ['ADDED b@6'] },
  // Selector transitions.
  {
    name: 'an object that stops matching arrives as DELETED with its last matching state at the change resourceVersion',
    capacity: 5, list: [['a', 2]], listRv: 2, steps: [['put', 'a', 3, 'y']], from: '2', selector: 'app=x', expected: ['DELETED a@3 app=x'],
  },
  { name: 'an object that starts matching arrives as ADDED', capacity: 5, list: [['a', 2]], listRv: 2, steps: [['put', 'a', 3, 'y'], ['put', 'a', 4, 'x']], from: '3', selector: 'app=x', expected: ['ADDED a@4 app=x'] },
  { name: 'changes to an object that never matches are not delivered', capacity: 5, list: [], listRv: 2, steps: [['put', 'a', 3, 'y'], ['put', 'a', 4, 'y'], ['delete', 'a', 5]], from: '2', selector: 'app=x', expected: [] },
  // Bookmarks.
  { name: 'a bookmark carries the cache resourceVersion and no object', capacity: 3, list: [], listRv: 2, steps: [['watch'], ['put', 'a', 3], ['progress', 6], ['bookmark']], from: '2', bookmarks: true, expected: ['ADDED a@3', 'BOOKMARK @6'] },
  { name: 'a watch that did not allow bookmarks gets none', capacity: 3, list: [], listRv: 2, steps: [['watch'], ['bookmark']], from: '2', expected: [] },
]

function brief(e: WatchEvent, selector: boolean): string {
  if (e.type === 'ERROR') return `ERROR ${e.object.code} ${e.object.message}`
  if (e.type === 'BOOKMARK') return `BOOKMARK @${e.object.metadata.resourceVersion}`
  const meta = e.object.metadata!
  return `${e.type} ${meta.name}@${meta.resourceVersion}${selector ? ` app=${meta.labels?.app}` : ''}`
}

describe('ReferenceResourceWatchCache', () => {
  test.each(cases)('$name', async (c) => {
    const cache = new ReferenceResourceWatchCache({
      capacity: c.capacity,
      resource: configMaps,
      items: c.list.map(([name, rv]) => ({ key: key(name), object: cm(name, rv) })),
      resourceVersion: c.listRv,
    })
    const matches: Matcher | undefined = c.selector ? (obj) => obj.metadata?.labels?.app === 'x' : undefined
    const seen: WatchEvent[] = []
    const start = () => cache.watch({ resourceVersion: c.from, matches, allowBookmarks: c.bookmarks }, (e) => seen.push(e))
    let started = false
    for (const step of c.steps) {
      if (step[0] === 'watch') {
        start()
        started = true
      } else if (step[0] === 'bookmark') cache.bookmark()
      else cache.apply(change(step))
    }
    if (!started) start()
    await settle()
    expect(seen.map((e) => brief(e, c.selector !== undefined))).toEqual(c.expected)
  })

  test('a bookmark object names the resource and carries nothing but the resourceVersion', async () => {
    const cache = new ReferenceResourceWatchCache({ capacity: 2, resource: configMaps, items: [], resourceVersion: 5 })
    const seen: WatchEvent[] = []
    cache.watch({ resourceVersion: '5', allowBookmarks: true }, (e) => seen.push(e))
    cache.bookmark()
    await settle()
    expect(seen).toEqual([{ type: 'BOOKMARK', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { resourceVersion: '5' } } }])
  })

  test('a list returns the matching objects in key order at the cache resourceVersion', () => {
    const cache = new ReferenceResourceWatchCache({ capacity: 2, resource: configMaps, items: [{ key: key('b'), object: cm('b', 3) }, { key: key('a'), object: cm('a', 2, 'y') }], resourceVersion: 4 })
    cache.apply({ type: 'progress', revision: 7 })
    expect(cache.list()).toEqual({ items: [cm('a', 2, 'y'), cm('b', 3)], resourceVersion: '7' })
    expect(cache.list((o) => o.metadata?.labels?.app === 'x').items).toEqual([cm('b', 3)])
  })

  test('a stopped watch receives nothing more', async () => {
    const cache = new ReferenceResourceWatchCache({ capacity: 2, resource: configMaps, items: [], resourceVersion: 1 })
    const seen: WatchEvent[] = []
    const w = cache.watch({ resourceVersion: '1' }, (e) => seen.push(e))
    cache.apply({ type: 'put', key: key('a'), object: cm('a', 2), revision: 2 })
    await settle()
    w.stop()
    cache.apply({ type: 'put', key: key('b'), object: cm('b', 3), revision: 3 })
    await settle()
    expect(seen.map((e) => brief(e, false))).toEqual(['ADDED a@2'])
  })
})

function change(step: Step): StoreChange {
  if (step[0] === 'put') return { type: 'put', key: key(step[1]), object: cm(step[1], step[2], step[3]), revision: step[2] }
  if (step[0] === 'delete') return { type: 'delete', key: key(step[1]), revision: step[2] }
  if (step[0] === 'progress') return { type: 'progress', revision: step[1] }
  throw new Error(`not a change: ${step[0]}`)
}
