// KeyedHeap against a plain sorted list: any sequence of adds (new keys and replacements),
// deletes and pops gives the same items in the same order.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { KeyedHeap } from './heap.ts'

interface Item {
  readonly key: string
  readonly rank: number
}

const op = fc.oneof(
  fc.record({ type: fc.constant('add' as const), key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), rank: fc.integer({ min: 0, max: 20 }) }),
  fc.record({ type: fc.constant('delete' as const), key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h') }),
  fc.record({ type: fc.constant('pop' as const) }),
)

// Ties broken by key, so the order is total and the model's answer unique.
const less = (a: Item, b: Item) => a.rank < b.rank || (a.rank === b.rank && a.key < b.key)

describe('KeyedHeap', () => {
  test('behaves as a sorted list keyed by name', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const heap = new KeyedHeap<Item>((i) => i.key, less)
        let model: Item[] = []
        for (const o of ops) {
          if (o.type === 'add') {
            heap.add({ key: o.key, rank: o.rank })
            model = [...model.filter((i) => i.key !== o.key), { key: o.key, rank: o.rank }]
          } else if (o.type === 'delete') {
            expect(heap.delete(o.key)).toEqual(model.find((i) => i.key === o.key))
            model = model.filter((i) => i.key !== o.key)
          } else {
            model.sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0))
            expect(heap.pop()).toEqual(model.shift())
          }
          expect(heap.length).toBe(model.length)
          for (const i of model) expect(heap.get(i.key)).toEqual(i)
        }
      }),
      { numRuns: 300 },
    )
  })
})
