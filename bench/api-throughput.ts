// The API server's throughput through the whole stack (admission, validation, defaulting,
// serialization, the store's txn, the watch cache, fan-out): pod creates + updates per second with
// one watcher, and events per second delivered to 100 watchers. The same number of raw store puts
// is measured in the same run, so the API path's cost reads as a ratio against the store alone.
import { performance } from 'node:perf_hooks'
import type { Pod } from 'kubernetes-types/core/v1'
import { pod, settle, startTestServer } from '../src/api/testing.ts'
import { VirtualClock } from '../src/sim/virtual-clock.ts'
import { MemoryStore } from '../src/store/memory-store.ts'
import { median, type Benchmark, type Figure } from './figure.ts'
import { round } from './store-workload.ts'

const ROUNDS = 3
const PODS = 5_000
const FANOUT_UPDATES = 1_000

/** Create PODS pods, then update each (a label), with `watchers` watchers on all pods; requests/s and events/s. */
async function createsAndUpdates(watchers: number, pods: number): Promise<{ requestsPerSecond: number; eventsPerSecond: number }> {
  const { client } = await startTestServer({ watchCacheCapacity: 2 * pods + 100 })
  const podsClient = client.pods('default')
  let delivered = 0
  const handles = []
  for (let w = 0; w < watchers; w++) handles.push(await podsClient.watch({ resourceVersion: '0' }, () => void delivered++))
  const start = performance.now()
  const created: Pod[] = []
  for (let i = 0; i < pods; i++) created.push(await podsClient.create(pod(`web-${i}`, { labels: { app: 'web' } })))
  for (const p of created) {
    await podsClient.update({ ...p, metadata: { ...p.metadata, labels: { app: 'web', rev: '2' } } })
  }
  await settle()
  const seconds = (performance.now() - start) / 1000
  for (const h of handles) h.stop()
  const expected = 2 * pods * watchers
  if (delivered !== expected) throw new Error(`watchers saw ${delivered} events, want ${expected}`)
  return { requestsPerSecond: (2 * pods) / seconds, eventsPerSecond: delivered / seconds }
}

/** The store alone: the same number of writes as puts of a pod-sized value. */
async function rawStorePutsPerSecond(writes: number): Promise<number> {
  const store = new MemoryStore({ clock: new VirtualClock() })
  const value = JSON.stringify(pod('web-0', { labels: { app: 'web' } }))
  const start = performance.now()
  for (let i = 0; i < writes; i++) await store.put({ key: `/registry/pods/default/web-${i % (writes / 2)}`, value })
  const seconds = (performance.now() - start) / 1000
  await store.close()
  return writes / seconds
}

export const apiThroughput: Benchmark = {
  name: 'api-throughput',
  description: `the API server: pod creates + updates/s with one watcher (${PODS} pods), events/s to 100 watchers, against raw store puts`,
  async run(log) {
    await createsAndUpdates(1, 500) // warm up the JIT
    const api: number[] = []
    const raw: number[] = []
    const fanout: number[] = []
    for (let i = 0; i < ROUNDS; i++) {
      api.push((await createsAndUpdates(1, PODS)).requestsPerSecond)
      raw.push(await rawStorePutsPerSecond(2 * PODS))
      fanout.push((await createsAndUpdates(100, FANOUT_UPDATES / 2)).eventsPerSecond)
      log(`  round ${i + 1}: api ${round(api[i])} req/s, raw store ${round(raw[i])} puts/s, fan-out ${round(fanout[i])} events/s`)
    }
    const figures: Figure[] = [
      { name: 'api-throughput.creates-updates-1-watcher', value: round(median(api)), unit: 'requests/s' },
      { name: 'api-throughput.raw-store-puts', value: round(median(raw)), unit: 'puts/s' },
      { name: 'api-throughput.api-vs-raw-store', value: Number((median(api) / median(raw)).toFixed(3)), unit: 'x (API request rate / raw put rate)' },
      { name: 'api-throughput.events-to-100-watchers', value: round(median(fanout)), unit: 'events/s' },
    ]
    return figures
  },
}
