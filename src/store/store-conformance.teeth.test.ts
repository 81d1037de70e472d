// The conformance property has teeth: realistic wrong stores (the reference with one mistake
// wrapped around it) must each fail it, with the guarantee their mistake breaks named.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { VirtualClock } from '../sim/virtual-clock.ts'
import type { Event } from './key-value.ts'
import type { KeyValueStore } from './kv.ts'
import { MemoryStore } from './memory-store.ts'
import { commandArb, runScenario } from './watch-scenario.ts'
import type { WatchListener, WatchResponse } from './watch-messages.ts'

type ListenerWrap = (listener: WatchListener) => WatchListener

function withListener(wrap: ListenerWrap): KeyValueStore {
  const store = new MemoryStore({ clock: new VirtualClock() })
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'watch') return (request: Parameters<KeyValueStore['watch']>[0], listener: WatchListener) => target.watch(request, wrap(listener))
      const value = Reflect.get(target, prop, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

function mapEvents(f: (events: readonly Event[]) => readonly Event[]): ListenerWrap {
  return (listener) => (r) => listener(r.type === 'events' ? { ...r, events: f(r.events) } : r)
}

const wrongStores: readonly { name: string; guarantee: RegExp; make: () => KeyValueStore }[] = [
  {
    name: 'delivers each event of a multi-key revision in its own response',
    guarantee: /Atomic/,
    make: () => withListener((l) => (r) => (r.type === 'events' ? r.events.forEach((e) => l({ ...r, events: [e] })) : l(r))),
  },
  {
    name: 'drops the second event of every response',
    guarantee: /Reliable|Resumable|Bookmarkable/,
    make: () => withListener(mapEvents((es) => es.filter((_, i) => i !== 1))),
  },
  {
    name: 'delivers every events response twice',
    guarantee: /Unique|Ordered|Atomic/,
    make: () => withListener((l) => (r) => (l(r), r.type === 'events' && l(r))),
  },
  {
    name: 'forgets prevKv even when asked for it',
    guarantee: /Reliable|Resumable/,
    make: () => withListener(mapEvents((es) => es.map((e) => ({ type: e.type, kv: e.kv })))),
  },
  {
    name: 'sends progress before the events it holds back',
    guarantee: /Bookmarkable/,
    make: () =>
      withListener((l) => {
        const held: WatchResponse[] = []
        return (r) => {
          if (r.type === 'events') held.push(r)
          else {
            l(r)
            held.splice(0).forEach(l)
          }
        }
      }),
  },
  {
    name: 'starts replay one revision after the start revision',
    guarantee: /Resumable|Reliable|Bookmarkable/,
    make: () => {
      const store = new MemoryStore({ clock: new VirtualClock() })
      return new Proxy(store, {
        get(target, prop) {
          if (prop === 'watch') return (req: Parameters<KeyValueStore['watch']>[0], l: WatchListener) => target.watch({ ...req, startRevision: req.startRevision ? req.startRevision + 1 : undefined }, l)
          const value = Reflect.get(target, prop, target)
          return typeof value === 'function' ? value.bind(target) : value
        },
      })
    },
  },
  {
    name: 'ignores the revision of a range and always reads now',
    guarantee: /range at revision/,
    make: () => {
      const store = new MemoryStore({ clock: new VirtualClock() })
      return new Proxy(store, {
        get(target, prop) {
          if (prop === 'range') return (req: Parameters<KeyValueStore['range']>[0]) => target.range({ ...req, revision: undefined })
          const value = Reflect.get(target, prop, target)
          return typeof value === 'function' ? value.bind(target) : value
        },
      })
    },
  },
]

describe('the conformance property fails realistic wrong stores', () => {
  for (const wrong of wrongStores) {
    test(`a store that ${wrong.name} fails, naming ${wrong.guarantee.source}`, async () => {
      const details = await fc.check(
        fc.asyncProperty(fc.array(commandArb, { maxLength: 40 }), async (commands) => {
          const problem = await runScenario(wrong.make(), commands)
          if (problem !== undefined) throw new Error(problem)
        }),
        { numRuns: 300, seed: 42 },
      )
      expect(details.failed, 'the property should have failed').toBe(true)
      expect(String(details.errorInstance)).toMatch(wrong.guarantee)
    })
  }
})
