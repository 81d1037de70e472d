// The shared conformance suite for any KeyValueStore: the reference MemoryStore runs it in
// memory-store.test.ts, a store over a real etcd server and the learners' stores run the same one
// (hono's one-suite-many-routers idea, src/router/common.case.test.ts). It takes a factory, so
// each test gets a fresh store, and a skip list whose every entry must say why.
//
// Two parts: a table of the store's contract sentences (kv.ts) as small examples, and a
// fast-check property that runs random operations with random watches started at random
// revisions, compares every read with a naive model (history-model.ts), and checks every watch
// against the named guarantees (watch-guarantees.ts), failing with the guarantee's sentence.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { isStoreError, type StoreErrorCode } from './errors.ts'
import type { KeyValueStore } from './kv.ts'
import { prefixEnd, NO_END } from './keys.ts'
import { commandArb, runScenario } from './watch-scenario.ts'

export type StoreFactory = () => KeyValueStore | Promise<KeyValueStore>

export interface ConformanceOptions {
  /** fast-check runs for the property (default 150). */
  readonly numRuns?: number
  readonly seed?: number
  /** Test name → the reason it is skipped for this implementation. */
  readonly skip?: Readonly<Record<string, string>>
}

interface ContractCase {
  readonly name: string
  readonly run: (store: KeyValueStore) => Promise<void>
}

async function expectStoreError(promise: Promise<unknown>, code: StoreErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(isStoreError(error, code), `want StoreError '${code}', got ${String(error)}`).toBe(true)
}

const all = { key: NO_END, rangeEnd: NO_END }

export const contractCases: readonly ContractCase[] = [
  {
    name: 'a new store is at revision 1 and holds no keys',
    run: async (s) => expect(await s.range(all)).toMatchObject({ header: { revision: 1 }, kvs: [], count: 0, more: false }),
  },
  {
    name: 'each write takes exactly one revision, and the first write makes revision 2',
    run: async (s) => {
      expect((await s.put({ key: 'a', value: '1' })).header.revision).toBe(2)
      expect((await s.put({ key: 'a', value: '2' })).header.revision).toBe(3)
      expect((await s.deleteRange({ key: 'a' })).header.revision).toBe(4)
    },
  },
  {
    name: 'deleting a missing key deletes nothing and takes no revision',
    run: async (s) => {
      await s.put({ key: 'a', value: '1' })
      expect(await s.deleteRange({ key: 'zzz' })).toMatchObject({ header: { revision: 2 }, deleted: 0 })
    },
  },
  {
    name: 'a recreated key starts a new life: version 1 and a new createRevision',
    run: async (s) => {
      await s.put({ key: 'k', value: '1' })
      await s.put({ key: 'k', value: '2' })
      await s.deleteRange({ key: 'k' })
      await s.put({ key: 'k', value: '3' })
      expect((await s.range({ key: 'k' })).kvs).toEqual([{ key: 'k', value: '3', createRevision: 5, modRevision: 5, version: 1, lease: 0 }])
    },
  },
  {
    name: 'a txn with several writes takes one revision for all of them',
    run: async (s) => {
      const r = await s.txn({ success: [{ type: 'put', key: 'a', value: '1' }, { type: 'put', key: 'b', value: '2' }] })
      expect(r.header.revision).toBe(2)
      expect((await s.range(all)).kvs.map((kv) => kv.modRevision)).toEqual([2, 2])
    },
  },
  {
    name: 'a txn that only reads takes no revision',
    run: async (s) => {
      const r = await s.txn({ compare: [{ key: 'a', target: 'version', result: '=', operand: 0 }], success: [{ type: 'range', key: 'a' }] })
      expect(r).toMatchObject({ succeeded: true, header: { revision: 1 } })
    },
  },
  {
    name: 'a value compare on a missing key fails, a version compare sees 0',
    run: async (s) => {
      expect((await s.txn({ compare: [{ key: 'x', target: 'value', result: '!=', operand: 'v' }] })).succeeded).toBe(false)
      expect((await s.txn({ compare: [{ key: 'x', target: 'version', result: '=', operand: 0 }] })).succeeded).toBe(true)
    },
  },
  {
    name: 'writing one key twice in a txn is a duplicate-key error',
    run: async (s) => {
      await expectStoreError(s.txn({ success: [{ type: 'put', key: 'a', value: '1' }, { type: 'put', key: 'a', value: '2' }] }), 'duplicate-key')
    },
  },
  {
    name: 'reading at the compacted revision works, below it fails as compacted, above now as future',
    run: async (s) => {
      for (const v of ['1', '2', '3']) await s.put({ key: 'a', value: v })
      await s.compact(3)
      expect((await s.range({ key: 'a', revision: 3 })).kvs[0].value).toBe('2')
      await expectStoreError(s.range({ key: 'a', revision: 2 }), 'compacted')
      await expectStoreError(s.range({ key: 'a', revision: 5 }), 'future-revision')
    },
  },
  {
    name: 'a prefix range returns exactly the keys starting with the prefix, in order',
    run: async (s) => {
      for (const key of ['a', 'ab', 'abc', 'abd', 'ac', 'b']) await s.put({ key, value: key })
      expect((await s.range({ key: 'ab', rangeEnd: prefixEnd('ab') })).kvs.map((kv) => kv.key)).toEqual(['ab', 'abc', 'abd'])
    },
  },
  {
    name: 'putting with an unknown lease fails as lease-not-found',
    run: async (s) => expectStoreError(s.put({ key: 'a', value: '1', lease: 123456 }), 'lease-not-found'),
  },
]

export function describeKeyValueStore(name: string, factory: StoreFactory, options: ConformanceOptions = {}): void {
  const skip = options.skip ?? {}
  const maybe = (caseName: string) => (caseName in skip ? test.skip : test)
  describe(`${name} conforms to KeyValueStore`, () => {
    for (const c of contractCases) {
      maybe(c.name)(c.name, async () => {
        const store = await factory()
        try {
          await c.run(store)
        } finally {
          await store.close()
        }
      })
    }
    const propertyName = 'every watch is Ordered, Unique, Atomic, Reliable, Resumable and Bookmarkable, and every read agrees with the model'
    maybe(propertyName)(propertyName, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(commandArb, { maxLength: 40 }), async (commands) => {
          const store = await factory()
          try {
            const problem = await runScenario(store, commands)
            if (problem !== undefined) throw new Error(problem)
          } finally {
            await store.close()
          }
        }),
        { numRuns: options.numRuns ?? 150, seed: options.seed },
      )
    })
  })
}
