// createStore picks the embedded store unless it is given an etcd endpoint.
import { describe, expect, test } from 'vitest'
import { VirtualClock } from '../sim/virtual-clock.ts'
import { createStore } from './create-store.ts'
import { EtcdStore } from './etcd-store.ts'
import { MemoryStore } from './memory-store.ts'

describe('createStore', () => {
  const cases = [
    { name: 'with no endpoint it makes the embedded MemoryStore', endpoint: undefined, want: MemoryStore },
    { name: 'with an empty endpoint it makes the embedded MemoryStore', endpoint: '', want: MemoryStore },
    { name: 'with an http endpoint it makes a store on that etcd (connecting lazily)', endpoint: 'http://127.0.0.1:1', want: EtcdStore },
  ]
  for (const c of cases) {
    test(c.name, async () => {
      const store = createStore({ clock: new VirtualClock(), etcdEndpoint: c.endpoint })
      expect(store).toBeInstanceOf(c.want)
      await store.close()
    })
  }

  test('an endpoint that is not a client URL is refused with a message saying what to give', () => {
    expect(() => createStore({ clock: new VirtualClock(), etcdEndpoint: '127.0.0.1:2379' })).toThrow(/want a client URL such as http:\/\/127.0.0.1:2379/)
  })
})
