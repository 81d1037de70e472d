// The indexer and store, with client-go's cases as data: tools/cache/index_test.go
// (TestGetIndexFuncValues, TestMultiIndexKeys), store_test.go (doTestStore, doTestIndex) and the
// index cleanup rule of thread_safe_store_test.go.
import { describe, expect, test } from 'vitest'
import type { KubeObject } from './list-watch.ts'
import { NAMESPACE_INDEX } from './index-funcs.ts'
import { Lister } from './lister.ts'
import { newIndexer, newStore } from './store.ts'
import { parse } from '../api/selectors/index.ts'

function pod(name: string, extra: { namespace?: string; labels?: Record<string, string>; users?: string; rv?: string } = {}): KubeObject {
  return {
    kind: 'Pod',
    metadata: { name, namespace: extra.namespace, labels: extra.labels, annotations: extra.users === undefined ? undefined : { users: extra.users }, resourceVersion: extra.rv },
  }
}
const byFooLabel = (obj: KubeObject) => [obj.metadata?.labels?.foo ?? '']
const byUsers = (obj: KubeObject) => (obj.metadata?.annotations?.users ?? '').split(',')
const names = (objs: readonly KubeObject[]) => objs.map((o) => o.metadata?.name).sort()

describe('index functions (index_test.go)', () => {
  test('listIndexFuncValues lists each indexed value once', () => {
    const index = newIndexer({ testmodes: byFooLabel })
    index.add(pod('one', { labels: { foo: 'bar' } }))
    index.add(pod('two', { labels: { foo: 'bar' } }))
    index.add(pod('tre', { labels: { foo: 'biz' } }))
    expect(index.listIndexFuncValues('testmodes').sort()).toEqual(['bar', 'biz'])
  })

  const multiIndexCases: { name: string; steps: (index: ReturnType<typeof newIndexer>) => void; expected: Record<string, string[]> }[] = [
    { name: 'an object indexed under several values is found under each of them', steps: () => {}, expected: { ernie: ['one', 'tre'], bert: ['one', 'two'], elmo: ['tre'], oscar: ['two'] } },
    {
      name: 'an update that drops a value removes the object from that value only',
      steps: (index) => index.update(pod('two', { users: 'oscar' })),
      expected: { ernie: ['one', 'tre'], bert: ['one'], elmo: ['tre'], oscar: ['two'] },
    },
    {
      name: 'a delete removes the object from every value, and a value left empty disappears',
      steps: (index) => {
        index.update(pod('two', { users: 'oscar' }))
        index.delete(pod('tre', { users: 'ernie,elmo' }))
      },
      expected: { ernie: ['one'], bert: ['one'], elmo: [], oscar: ['two'] },
    },
  ]
  test.each(multiIndexCases)('$name', ({ steps, expected }) => {
    const index = newIndexer({ byUser: byUsers })
    index.add(pod('one', { users: 'ernie,bert' }))
    index.add(pod('two', { users: 'bert,oscar' }))
    index.add(pod('tre', { users: 'ernie,elmo' }))
    steps(index)
    for (const [user, want] of Object.entries(expected)) {
      expect(index.indexKeys('byUser', user).sort(), user).toEqual(want)
      expect(names(index.byIndex('byUser', user)), user).toEqual(want)
    }
    const present = Object.entries(expected).filter(([, want]) => want.length > 0).map(([user]) => user)
    expect(index.listIndexFuncValues('byUser').sort()).toEqual(present.sort())
  })

  test('index() returns every object sharing an indexed value with the given one', () => {
    const index = newIndexer({ byUser: byUsers })
    index.add(pod('one', { users: 'ernie,bert' }))
    index.add(pod('two', { users: 'bert,oscar' }))
    index.add(pod('tre', { users: 'elmo' }))
    expect(names(index.index('byUser', pod('probe', { users: 'bert,elmo' })))).toEqual(['one', 'tre', 'two'])
  })

  test('asking for an index that does not exist is an error', () => {
    expect(() => newIndexer().byIndex('nope', 'x')).toThrow('Index with name nope does not exist')
  })

  test('indexers can be added to an empty indexer but not to one holding objects', () => {
    const index = newIndexer()
    index.addIndexers({ testmodes: byFooLabel })
    expect(() => index.addIndexers({ testmodes: byFooLabel })).toThrow('indexer conflict')
    index.add(pod('one'))
    expect(() => index.addIndexers({ other: byFooLabel })).toThrow('cannot add indexers to running index')
  })
})

describe('store (store_test.go doTestStore)', () => {
  test('add, update, delete, list and replace behave as a keyed map', () => {
    const store = newStore()
    store.add(pod('foo', { rv: 'bar' }))
    expect(store.getByKey('foo')?.metadata?.resourceVersion).toBe('bar')
    store.update(pod('foo', { rv: 'baz' }))
    expect(store.getByKey('foo')?.metadata?.resourceVersion).toBe('baz')
    store.delete(pod('foo'))
    expect(store.getByKey('foo')).toBeUndefined()
    store.add(pod('a'))
    store.add(pod('b'))
    store.add(pod('c'))
    expect(names(store.list())).toEqual(['a', 'b', 'c'])
    store.replace([pod('foo'), pod('bar')], '0')
    expect(store.listKeys().sort()).toEqual(['bar', 'foo'])
  })

  test('replace rebuilds the indices (doTestIndex)', () => {
    const index = newIndexer({ by_val: byFooLabel })
    index.add(pod('a', { labels: { foo: 'b' } }))
    index.replace([pod('c', { labels: { foo: 'b' } }), pod('d', { labels: { foo: 'e' } })], '1')
    expect(names(index.byIndex('by_val', 'b'))).toEqual(['c'])
    expect(names(index.byIndex('by_val', 'e'))).toEqual(['d'])
  })

  test('keys are namespace/name, and the namespace index files objects by namespace', () => {
    const index = newIndexer()
    index.add(pod('web', { namespace: 'default' }))
    index.add(pod('web', { namespace: 'prod' }))
    index.add(pod('node-1'))
    expect(index.listKeys().sort()).toEqual(['default/web', 'node-1', 'prod/web'])
    expect(index.indexKeys(NAMESPACE_INDEX, 'prod')).toEqual(['prod/web'])
    expect(index.indexKeys(NAMESPACE_INDEX, '')).toEqual(['node-1'])
  })
})

describe('listers (listers.go)', () => {
  const index = newIndexer()
  index.add(pod('web-1', { namespace: 'default', labels: { app: 'web', tier: 'frontend' } }))
  index.add(pod('web-2', { namespace: 'prod', labels: { app: 'web' } }))
  index.add(pod('db-1', { namespace: 'prod', labels: { app: 'db' } }))
  const lister = new Lister(index)
  const sel = (text: string) => {
    const r = parse(text)
    if (!r.ok) throw new Error(r.error)
    return r.selector
  }
  test.each([
    { name: 'the empty selector lists every object', namespace: undefined, selector: '', want: ['db-1', 'web-1', 'web-2'] },
    { name: 'a label selector lists only matching objects across namespaces', namespace: undefined, selector: 'app=web', want: ['web-1', 'web-2'] },
    { name: 'a namespace lister lists only that namespace', namespace: 'prod', selector: '', want: ['db-1', 'web-2'] },
    { name: 'a namespace lister with a selector applies both', namespace: 'prod', selector: 'app in (web)', want: ['web-2'] },
    { name: 'a selector on a missing label matches nothing', namespace: undefined, selector: 'tier=backend', want: [] },
  ])('$name', ({ namespace, selector, want }) => {
    const found = namespace === undefined ? lister.list(sel(selector)) : lister.byNamespace(namespace).list(sel(selector))
    expect(names(found)).toEqual(want)
  })
  test('get by namespace and name finds the object, or nothing', () => {
    expect(lister.byNamespace('prod').get('db-1')?.metadata?.name).toBe('db-1')
    expect(lister.byNamespace('default').get('db-1')).toBeUndefined()
  })
})
