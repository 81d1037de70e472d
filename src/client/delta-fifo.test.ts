// The DeltaFIFO, with client-go's tools/cache/delta_fifo_test.go cases as data: ordering and line
// jumping, enqueueing with and without known objects, Replace's deletions and tombstones, Resync,
// HasSynced and KeyOf.
import { describe, expect, test } from 'vitest'
import type { KubeObject } from './list-watch.ts'
import { DeltaFIFO, dedupDeltas, type Delta, type KeyListerGetter } from './delta-fifo.ts'
import { DeletedFinalStateUnknown } from './object-keys.ts'

// mkFifoObj(name, val): the value rides in resourceVersion.
const obj = (name: string, val: number): KubeObject => ({ metadata: { name, resourceVersion: String(val) } })
const tomb = (key: string, o: KubeObject | undefined) => new DeletedFinalStateUnknown(key, o)
const known = (...objs: KubeObject[]): KeyListerGetter => {
  const byKey = new Map(objs.map((o) => [o.metadata!.name!, o]))
  return { listKeys: () => [...byKey.keys()], getByKey: (k) => byKey.get(k) }
}
const popAll = (f: DeltaFIFO) => {
  const out: Delta[][] = []
  for (let p = f.pop(); p; p = f.pop()) out.push([...p.deltas])
  return out
}
const latestVals = (f: DeltaFIFO) => popAll(f).map((d) => Number((d.at(-1)!.object as KubeObject).metadata!.resourceVersion))

describe('DeltaFIFO (delta_fifo_test.go)', () => {
  test('add, update and delete of one key pop once, with the newest state (addUpdate)', () => {
    const f = new DeltaFIFO()
    f.add(obj('foo', 10))
    f.update(obj('foo', 12))
    f.delete(obj('foo', 15))
    expect(f.listKeys()).toEqual(['foo'])
    expect(latestVals(f)).toEqual([15])
  })

  test('a delete of an unknown key enqueues nothing without known objects (enqueueingNoLister)', () => {
    const f = new DeltaFIFO()
    f.add(obj('foo', 10))
    f.update(obj('bar', 15))
    f.add(obj('qux', 17))
    f.delete(obj('qux', 18))
    f.delete(obj('baz', 20))
    expect(latestVals(f)).toEqual([10, 15, 18])
  })

  test('a delete of a key the cache knows is enqueued (enqueueingWithLister)', () => {
    const f = new DeltaFIFO({ knownObjects: known(obj('foo', 5), obj('bar', 6), obj('baz', 7)) })
    f.add(obj('foo', 10))
    f.update(obj('bar', 15))
    f.delete(obj('baz', 20))
    expect(latestVals(f)).toEqual([10, 15, 20])
  })

  test('a replace after an add pops the replaced state once (addReplace)', () => {
    const f = new DeltaFIFO()
    f.add(obj('foo', 10))
    f.replace([obj('foo', 15)], '0')
    expect(latestVals(f)).toEqual([15])
  })

  test('a key that changes while waiting keeps its place in line (detectLineJumpers)', () => {
    const f = new DeltaFIFO()
    for (const [n, v] of [['foo', 10], ['bar', 1], ['foo', 11], ['foo', 13], ['zab', 30]] as const) f.add(obj(n, v))
    const first = f.pop()!
    expect(first.deltas.at(-1)!.object).toEqual(obj('foo', 13))
    f.add(obj('foo', 14))
    expect(latestVals(f)).toEqual([1, 30, 14])
  })

  const replaceCases: { name: string; knownObjects?: KeyListerGetter; before: (f: DeltaFIFO) => void; list: KubeObject[]; expected: Delta[][] }[] = [
    {
      name: 'a known key deleted before the replace keeps its real delete; a known key missing from the list gets a tombstone',
      knownObjects: known(obj('foo', 5), obj('bar', 6), obj('baz', 7)),
      before: (f) => f.delete(obj('baz', 10)),
      list: [obj('foo', 5)],
      expected: [[{ type: 'Deleted', object: obj('baz', 10) }], [{ type: 'Replaced', object: obj('foo', 5) }], [{ type: 'Deleted', object: tomb('bar', obj('bar', 6)) }]],
    },
    {
      name: 'a queued key missing from the list gets a tombstone carrying its newest queued state',
      knownObjects: known(obj('foo', 5), obj('bar', 6), obj('baz', 7)),
      before: (f) => f.add(obj('baz', 10)),
      list: [obj('foo', 5)],
      expected: [
        [{ type: 'Added', object: obj('baz', 10) }, { type: 'Deleted', object: tomb('baz', obj('baz', 10)) }],
        [{ type: 'Replaced', object: obj('foo', 5) }],
        [{ type: 'Deleted', object: tomb('bar', obj('bar', 6)) }],
      ],
    },
    {
      name: 'without known objects, only queued keys can be found deleted',
      before: (f) => f.add(obj('baz', 10)),
      list: [obj('foo', 5)],
      expected: [[{ type: 'Added', object: obj('baz', 10) }, { type: 'Deleted', object: tomb('baz', obj('baz', 10)) }], [{ type: 'Replaced', object: obj('foo', 5) }]],
    },
    {
      name: 'a listed object that the cache already has is Replaced, even unchanged (ReplaceDeltaType)',
      knownObjects: known(obj('foo', 5)),
      before: () => {},
      list: [obj('foo', 5)],
      expected: [[{ type: 'Replaced', object: obj('foo', 5) }]],
    },
  ]
  test.each(replaceCases)('replace: $name', ({ knownObjects, before, list, expected }) => {
    const f = new DeltaFIFO({ knownObjects })
    before(f)
    f.replace(list, '0')
    expect(popAll(f)).toEqual(expected)
  })

  test('an update of a known key is queued as it is (UpdateResyncRace)', () => {
    const f = new DeltaFIFO({ knownObjects: known(obj('foo', 5)) })
    f.update(obj('foo', 6))
    expect(popAll(f)).toEqual([[{ type: 'Updated', object: obj('foo', 6) }]])
  })

  test('a delete of a known key with nothing queued is queued alone (ResyncNonExisting)', () => {
    const f = new DeltaFIFO({ knownObjects: known(obj('foo', 5)) })
    f.delete(obj('foo', 10))
    expect(f.getByKey('foo')?.map((d) => d.type)).toEqual(['Deleted'])
  })

  test('a delete of a queued key the cache does not know is still queued (DeleteExistingNonPropagated)', () => {
    const f = new DeltaFIFO({ knownObjects: known() })
    f.add(obj('foo', 5))
    f.delete(obj('foo', 6))
    expect(f.getByKey('foo')?.map((d) => d.type)).toEqual(['Added', 'Deleted'])
  })

  test('resync queues a Sync for known keys with nothing queued only', () => {
    const f = new DeltaFIFO({ knownObjects: known(obj('foo', 5), obj('bar', 6)) })
    f.update(obj('bar', 7))
    f.resync()
    expect(popAll(f)).toEqual([[{ type: 'Updated', object: obj('bar', 7) }], [{ type: 'Sync', object: obj('foo', 5) }]])
  })

  const hasSyncedCases: { name: string; actions: ((f: DeltaFIFO) => void)[]; synced: boolean }[] = [
    { name: 'nothing happened yet', actions: [], synced: false },
    { name: 'an add before any list', actions: [(f) => f.add(obj('a', 1))], synced: true },
    { name: 'an empty first list', actions: [(f) => f.replace([], '0')], synced: true },
    { name: 'a first list not yet popped', actions: [(f) => f.replace([obj('a', 1), obj('b', 2)], '0')], synced: false },
    { name: 'a first list half popped', actions: [(f) => f.replace([obj('a', 1), obj('b', 2)], '0'), (f) => f.pop()], synced: false },
    { name: 'a first list fully popped', actions: [(f) => f.replace([obj('a', 1), obj('b', 2)], '0'), (f) => f.pop(), (f) => f.pop()], synced: true },
    { name: 'a first list with a duplicate key, popped once', actions: [(f) => f.replace([obj('a', 1), obj('a', 2)], '0'), (f) => f.pop()], synced: true },
  ]
  test.each(hasSyncedCases)('hasSynced after $name is $synced', ({ actions, synced }) => {
    const f = new DeltaFIFO()
    for (const action of actions) action(f)
    expect(f.hasSynced()).toBe(synced)
  })

  test('hasSynced waits for the tombstones of the first list too (HasSyncedCorrectOnDeletion)', () => {
    const f = new DeltaFIFO({ knownObjects: known(obj('foo', 5), obj('bar', 6), obj('baz', 7)) })
    f.replace([obj('foo', 5)], '0')
    const popped: Delta[][] = []
    for (let i = 0; i < 3; i++) {
      expect(f.hasSynced()).toBe(false)
      popped.push([...f.pop()!.deltas])
    }
    expect(f.hasSynced()).toBe(true)
    expect(popped).toEqual([[{ type: 'Replaced', object: obj('foo', 5) }], [{ type: 'Deleted', object: tomb('bar', obj('bar', 6)) }], [{ type: 'Deleted', object: tomb('baz', obj('baz', 7)) }]])
  })

  test.each([
    { name: 'an object', of: obj('A', 1), key: 'A' },
    { name: 'a tombstone', of: tomb('B', undefined), key: 'B' },
    { name: 'deltas of an object', of: [{ type: 'Added', object: obj('C', 1) }] as Delta[], key: 'C' },
    { name: 'deltas of a tombstone', of: [{ type: 'Deleted', object: tomb('D', undefined) }] as Delta[], key: 'D' },
  ])('keyOf $name is $key (KeyOf)', ({ of, key }) => {
    expect(new DeltaFIFO().keyOf(of)).toBe(key)
  })

  test.each([
    { name: 'two deletes collapse to the second', deltas: [{ type: 'Deleted', object: obj('a', 1) }, { type: 'Deleted', object: obj('a', 2) }] as Delta[], want: [{ type: 'Deleted', object: obj('a', 2) }] },
    { name: 'a delete then a tombstone keeps the real delete', deltas: [{ type: 'Deleted', object: obj('a', 1) }, { type: 'Deleted', object: tomb('a', obj('a', 0)) }] as Delta[], want: [{ type: 'Deleted', object: obj('a', 1) }] },
    { name: 'an add then a delete stay apart', deltas: [{ type: 'Added', object: obj('a', 1) }, { type: 'Deleted', object: obj('a', 2) }] as Delta[], want: [{ type: 'Added', object: obj('a', 1) }, { type: 'Deleted', object: obj('a', 2) }] },
  ])('dedupDeltas: $name', ({ deltas, want }) => {
    expect(dedupDeltas(deltas)).toEqual(want)
  })
})
