// The shared informer: its contracts (shared-informer.ts) as properties over random worlds with
// faults, plus examples of resync, handlers added late, hasSynced and listers over the cache.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { VirtualClock } from '../sim/virtual-clock.ts'
import { parse } from '../api/selectors/index.ts'
import { FakeListerWatcher } from './fake-lister-watcher.ts'
import { informerGuarantees } from './informer-guarantees.ts'
import { runWorld, serverLine, type MakeInformer } from './informer-scenario.ts'
import { faultyWorld, reliableWorld } from './informer-world-arbitrary.ts'
import type { KubeObject } from './list-watch.ts'
import { Lister } from './lister.ts'
import { SharedIndexInformer } from './shared-informer.ts'
import { drive } from './sim-driver.ts'

const makeReference: MakeInformer = ({ listerWatcher, clock, handlers }) => {
  const informer = new SharedIndexInformer({ listerWatcher, clock })
  for (const handler of handlers) informer.addEventHandler(handler)
  return { informer, indexer: informer.getIndexer() }
}

describe('SharedIndexInformer contracts, over random worlds', () => {
  for (const [tier, world, guarantees] of [
    ['a reliable server', reliableWorld, [...informerGuarantees.reliable]],
    ['a server with faults', faultyWorld, [...informerGuarantees.reliable, ...informerGuarantees.faulty]],
  ] as const) {
    for (const g of guarantees) {
      test(`${g.name} (${tier})`, async () => {
        await fc.assert(
          fc.asyncProperty(world, async (w) => {
            const outcome = await runWorld(w.ops, w.options, makeReference)
            const problem = g.check(outcome)
            if (problem) throw new Error(`${problem}\n${outcome.server.map(serverLine).join('\n')}\n${outcome.log.join('\n')}`)
          }),
          { numRuns: 40, seed: 7 },
        )
      })
    }
  }
})

const pod = (name: string, labels: Record<string, string> = {}, namespace = 'default'): KubeObject => ({ kind: 'Pod', metadata: { name, namespace, labels } })

async function started(resyncMs = 0) {
  const clock = new VirtualClock()
  const server = new FakeListerWatcher({ clock })
  server.apply(pod('web-1', { app: 'web' }))
  server.apply(pod('db-1', { app: 'db' }, 'prod'))
  const informer = new SharedIndexInformer({ listerWatcher: server, clock, defaultResyncPeriodMs: resyncMs })
  return { clock, server, informer }
}

describe('SharedIndexInformer', () => {
  test('hasSynced is false until the first list is in the cache, then true', async () => {
    const { clock, informer } = await started()
    const registration = informer.addEventHandler({})
    informer.run()
    expect(informer.hasSynced()).toBe(false)
    await drive(clock)
    expect(informer.hasSynced()).toBe(true)
    expect(registration.hasSynced()).toBe(true)
  })

  test('the initial list is reported as adds with isInInitialList, later creations without it', async () => {
    const { clock, server, informer } = await started()
    const adds: [string, boolean][] = []
    informer.addEventHandler({ onAdd: (obj, initial) => adds.push([obj.metadata!.name!, initial]) })
    informer.run()
    await drive(clock)
    server.apply(pod('web-2'))
    await drive(clock)
    expect(adds.sort()).toEqual([['db-1', true], ['web-1', true], ['web-2', false]])
  })

  test('a periodic resync calls onUpdate(obj, obj) for every object, on the clock', async () => {
    const { clock, informer } = await started(30_000)
    const updates: [string, boolean][] = []
    informer.addEventHandler({ onUpdate: (oldObj, newObj) => updates.push([newObj.metadata!.name!, oldObj === newObj]) })
    informer.run()
    await drive(clock, { forMs: 29_000 })
    expect(updates).toEqual([])
    await drive(clock, { forMs: 2_000 })
    expect(updates.sort()).toEqual([['db-1', true], ['web-1', true]])
  })

  test('a handler without a resync period is not resynced when another handler is', async () => {
    const { clock, informer } = await started()
    const fast: string[] = []
    const none: string[] = []
    informer.addEventHandler({ onUpdate: (_o, n) => fast.push(n.metadata!.name!) }, 10_000)
    informer.addEventHandler({ onUpdate: (_o, n) => none.push(n.metadata!.name!) }, 0)
    informer.run()
    await drive(clock, { forMs: 25_000 })
    expect(fast.length).toBe(4)
    expect(none).toEqual([])
  })

  test('a handler added after the start is told about every cached object', async () => {
    const { clock, informer } = await started()
    informer.run()
    await drive(clock)
    const adds: string[] = []
    informer.addEventHandler({ onAdd: (obj) => adds.push(obj.metadata!.name!) })
    expect(adds.sort()).toEqual(['db-1', 'web-1'])
  })

  test('a lister over the informer cache lists by label selector and gets by namespace and name', async () => {
    const { clock, informer } = await started()
    informer.run()
    await drive(clock)
    const lister = new Lister(informer.getIndexer())
    const selector = parse('app=web')
    if (!selector.ok) throw new Error(selector.error)
    expect(lister.list(selector.selector).map((p) => p.metadata!.name)).toEqual(['web-1'])
    expect(lister.byNamespace('prod').get('db-1')?.metadata?.name).toBe('db-1')
  })
})
