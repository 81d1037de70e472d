// etcd's server/storage/mvcc/key_index_test.go tables, ported as data (sub-revisions dropped:
// etcd's {15, 1} is revision 15 here).
import { describe, expect, test } from 'vitest'
import { KeyIndex } from './key-index.ts'

// put(2) put(4) del(6) put(8) put(10) del(12) put(14) put(15) del(16): three generations, as newTestKeyIndex.
function testKeyIndex(): KeyIndex {
  const ki = new KeyIndex('foo')
  for (const [rev, op] of [[2, 'p'], [4, 'p'], [6, 't'], [8, 'p'], [10, 'p'], [12, 't'], [14, 'p'], [15, 'p'], [16, 't']] as const) {
    if (op === 'p') ki.put(rev, `v${rev}`, 0)
    else ki.tombstone(rev)
  }
  return ki
}

const shape = (ki: KeyIndex) => ki.generations.map((g) => g.revisions.map((r) => (r.tombstone ? `${r.kv.modRevision}t` : r.kv.modRevision)))

describe('KeyIndex.get after compact(4) (TestKeyIndexGet)', () => {
  const ki = testKeyIndex()
  ki.compact(4)
  const cases: readonly { name: string; rev: number; want?: { mod: number; create: number; version: number } }[] = [
    { name: 'finds nothing after the last tombstone', rev: 17 },
    { name: 'finds nothing at the last tombstone itself', rev: 16 },
    { name: 'finds the second version of the third generation', rev: 15, want: { mod: 15, create: 14, version: 2 } },
    { name: 'finds the first version of the third generation', rev: 14, want: { mod: 14, create: 14, version: 1 } },
    { name: 'finds nothing in the gap between the second and third generations', rev: 13 },
    { name: 'finds nothing at the second tombstone', rev: 12 },
    { name: 'finds the latest version before the tombstone in the second generation', rev: 11, want: { mod: 10, create: 8, version: 2 } },
    { name: 'finds the second version of the second generation at its revision', rev: 10, want: { mod: 10, create: 8, version: 2 } },
    { name: 'finds the first version of the second generation between writes', rev: 9, want: { mod: 8, create: 8, version: 1 } },
    { name: 'finds the first version of the second generation at its revision', rev: 8, want: { mod: 8, create: 8, version: 1 } },
    { name: 'finds nothing between the first and second generations', rev: 7 },
    { name: 'finds nothing at the first tombstone', rev: 6 },
    { name: 'finds the compaction survivor after it', rev: 5, want: { mod: 4, create: 2, version: 2 } },
    { name: 'finds the compaction survivor at its revision', rev: 4, want: { mod: 4, create: 2, version: 2 } },
    { name: 'finds nothing before the survivor: older versions are compacted', rev: 3 },
    { name: 'finds nothing at the compacted first version', rev: 2 },
    { name: 'finds nothing before the key existed', rev: 1 },
    { name: 'finds nothing at revision 0', rev: 0 },
  ]
  for (const c of cases) {
    test(c.name, () => {
      const kv = ki.get(c.rev)
      expect(kv && { mod: kv.modRevision, create: kv.createRevision, version: kv.version }).toEqual(c.want)
    })
  }
})

describe('KeyIndex.since after compact(4) (TestKeyIndexSince)', () => {
  const ki = testKeyIndex()
  ki.compact(4)
  const all = [4, 6, 8, 10, 12, 14, 15, 16]
  const cases: readonly { rev: number; from: number }[] = [
    { rev: 17, from: 8 }, { rev: 16, from: 7 }, { rev: 15, from: 6 }, { rev: 14, from: 5 }, { rev: 13, from: 5 },
    { rev: 12, from: 4 }, { rev: 11, from: 4 }, { rev: 10, from: 3 }, { rev: 9, from: 3 }, { rev: 8, from: 2 },
    { rev: 7, from: 2 }, { rev: 6, from: 1 }, { rev: 5, from: 1 }, { rev: 4, from: 0 }, { rev: 3, from: 0 }, { rev: 0, from: 0 },
  ]
  for (const c of cases) {
    test(`since(${c.rev}) returns every remaining revision from ${all[c.from] ?? 'none'} on`, () => {
      expect(ki.since(c.rev).map((r) => r.kv.modRevision)).toEqual(all.slice(c.from))
    })
  }
})

describe('KeyIndex put and tombstone (TestKeyIndexPut, TestKeyIndexTombstone)', () => {
  test('a put on a new key starts a generation at its revision with version 1, the next put makes version 2', () => {
    const ki = new KeyIndex('foo')
    expect(ki.put(5, 'a', 0)).toMatchObject({ createRevision: 5, modRevision: 5, version: 1 })
    expect(ki.put(7, 'b', 0)).toMatchObject({ createRevision: 5, modRevision: 7, version: 2 })
    expect(shape(ki)).toEqual([[5, 7]])
  })
  test('a tombstone closes the generation and opens an empty one; a second tombstone on a deleted key is refused', () => {
    const ki = new KeyIndex('foo')
    ki.put(5, 'a', 0)
    expect(ki.tombstone(7)).toBe(true)
    expect(shape(ki)).toEqual([[5, '7t'], []])
    ki.put(8, 'b', 0)
    ki.put(9, 'c', 0)
    expect(ki.tombstone(15)).toBe(true)
    expect(shape(ki)).toEqual([[5, '7t'], [8, 9, '15t'], []])
    expect(ki.tombstone(16)).toBe(false)
  })
})

describe('KeyIndex.compact, one revision after another (TestKeyIndexCompactAndKeep)', () => {
  const cases: readonly { compact: number; want: (number | string)[][] }[] = [
    { compact: 1, want: [[2, 4, '6t'], [8, 10, '12t'], [14, 15, '16t'], []] },
    { compact: 2, want: [[2, 4, '6t'], [8, 10, '12t'], [14, 15, '16t'], []] },
    { compact: 3, want: [[2, 4, '6t'], [8, 10, '12t'], [14, 15, '16t'], []] },
    { compact: 4, want: [[4, '6t'], [8, 10, '12t'], [14, 15, '16t'], []] },
    { compact: 5, want: [[4, '6t'], [8, 10, '12t'], [14, 15, '16t'], []] },
    { compact: 6, want: [['6t'], [8, 10, '12t'], [14, 15, '16t'], []] },
    { compact: 7, want: [[8, 10, '12t'], [14, 15, '16t'], []] },
    { compact: 8, want: [[8, 10, '12t'], [14, 15, '16t'], []] },
    { compact: 9, want: [[8, 10, '12t'], [14, 15, '16t'], []] },
    { compact: 10, want: [[10, '12t'], [14, 15, '16t'], []] },
    { compact: 11, want: [[10, '12t'], [14, 15, '16t'], []] },
    { compact: 12, want: [['12t'], [14, 15, '16t'], []] },
    { compact: 13, want: [[14, 15, '16t'], []] },
    { compact: 14, want: [[14, 15, '16t'], []] },
    { compact: 15, want: [[15, '16t'], []] },
    { compact: 16, want: [['16t'], []] },
    { compact: 17, want: [[]] },
  ]
  test('compacting continuously keeps, at each step, exactly etcd\'s generations', () => {
    const ki = testKeyIndex()
    for (const c of cases) {
      ki.compact(c.compact)
      expect(shape(ki), `after compact(${c.compact})`).toEqual(c.want)
    }
    expect(ki.isEmpty()).toBe(true)
  })
  for (const c of cases) {
    test(`compacting a fresh index once at ${c.compact} gives the same generations as compacting step by step`, () => {
      const ki = testKeyIndex()
      ki.compact(c.compact)
      expect(shape(ki)).toEqual(c.want)
    })
  }
  test('the worked example of the module comment holds', () => {
    const ki = new KeyIndex('foo')
    ki.put(2, 'a', 0)
    ki.put(4, 'b', 0)
    ki.tombstone(6)
    ki.put(8, 'c', 0)
    ki.tombstone(10)
    expect(ki.get(5)).toMatchObject({ value: 'b', version: 2, createRevision: 2 })
    expect(ki.get(7)).toBeUndefined()
    for (const [rev, want] of [[3, [[2, 4, '6t'], [8, '10t'], []]], [4, [[4, '6t'], [8, '10t'], []]], [6, [['6t'], [8, '10t'], []]], [7, [[8, '10t'], []]], [11, [[]]]] as const) {
      ki.compact(rev)
      expect(shape(ki), `compact(${rev})`).toEqual(want)
    }
  })
})
