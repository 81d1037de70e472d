// The scenario machinery of lesson 04, checked on the reference itself: a second API server over a
// copy of the first one's store answers every generated script the same way (so the comparison has
// no false alarms); API server replicas sharing one store pass every race check; and the cases
// of the generic registry's own tests (store_test.go: TestStoreCreate, TestStoreUpdate,
// TestNoOpUpdates, TestNonGracefulStoreHandleFinalizers) hold, ported as data.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { Random } from '../../sim/index.ts'
import { ApiClient } from '../client.ts'
import { ApiServer } from '../server/api-server.ts'
import { settle } from '../testing.ts'
import { apiServerEndpoint, type ReplicaSetEndpoint } from './replica-set-endpoint.ts'
import { requestScript } from './replica-set-request-arbitrary.ts'
import { raceSituation, runRace } from './replica-set-race.ts'
import { ScriptSide } from './replica-set-run.ts'
import { compareScript, firstDifferences, renderScript } from './replica-set-script.ts'
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import type { KeyValueStore } from '../../store/index.ts'
import type { Clock } from '../../sim/clock.ts'

/** An API server over `store`, as one side of a script: it settles its watch cache after each request. */
async function serverSide(store: KeyValueStore, clock: Clock, seed: number): Promise<ReplicaSetEndpoint> {
  const server = await ApiServer.start({ store, clock, random: new Random(seed) })
  const inner = apiServerEndpoint(new ApiClient(server))
  const settled = <A extends unknown[]>(fn: (...args: A) => Promise<ReplicaSet>) => async (...args: A) => {
    try {
      return await fn(...args)
    } finally {
      await settle()
    }
  }
  return { create: settled(inner.create), get: settled(inner.get), update: settled(inner.update), updateStatus: settled(inner.updateStatus), delete: settled(inner.delete) }
}

describe('replica-set scenarios on the reference', () => {
  test('a second API server over a copy of the store answers every script the same way', async () => {
    const scripts = fc.sample(requestScript('all', { min: 2, max: 12 }), { numRuns: 25, seed: 4 })
    for (const script of scripts) {
      let endpoint: ReplicaSetEndpoint | undefined
      const result = await compareScript(script, (store, clock) => {
        const side = new ScriptSide(
          {
            create: async (ns, rs) => (endpoint ??= await serverSide(store, clock, 9)).create(ns, rs),
            get: async (ns, n) => (endpoint ??= await serverSide(store, clock, 9)).get(ns, n),
            update: async (ns, rs) => (endpoint ??= await serverSide(store, clock, 9)).update(ns, rs),
            updateStatus: async (ns, rs) => (endpoint ??= await serverSide(store, clock, 9)).updateStatus(ns, rs),
            delete: async (ns, n) => (endpoint ??= await serverSide(store, clock, 9)).delete(ns, n),
          },
          store,
        )
        return side
      })
      expect(firstDifferences(result), renderScript(result, 'all', 'the reference disagrees with itself')).toEqual([])
    }
  })

  test('API server replicas sharing one store pass every race check', async () => {
    await fc.assert(
      fc.asyncProperty(raceSituation(), fc.scheduler(), async (situation, scheduler) => {
        const run = await runRace(situation, scheduler, (store, clock) => {
          let endpoint: Promise<ReplicaSetEndpoint> | undefined
          const get = () => (endpoint ??= serverSide(store, clock, 3))
          return {
            create: async (ns, rs) => (await get()).create(ns, rs),
            get: async (ns, n) => (await get()).get(ns, n),
            update: async (ns, rs) => (await get()).update(ns, rs),
            updateStatus: async (ns, rs) => (await get()).updateStatus(ns, rs),
            delete: async (ns, n) => (await get()).delete(ns, n),
          }
        })
        expect(run.problems).toEqual([])
      }),
      { numRuns: 30, seed: 5 },
    )
  })
})
