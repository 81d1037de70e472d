// The embedded store's throughput: requests per second for the put/range/txn mix, and events
// delivered per second to 1, 10 and 100 concurrent watchers of one prefix (each put is one event
// per watcher). Median of 3 rounds each.
import { performance } from 'node:perf_hooks'
import { VirtualClock } from '../src/sim/virtual-clock.ts'
import { prefixEnd } from '../src/store/keys.ts'
import { MemoryStore } from '../src/store/memory-store.ts'
import { median, type Benchmark, type Figure } from './figure.ts'
import { opMixPerSecond, round } from './store-workload.ts'

const ROUNDS = 3
const OPS = 30_000
const EVENTS_PER_ROUND = 300_000

async function eventsPerSecond(watchers: number): Promise<number> {
  const store = new MemoryStore({ clock: new VirtualClock() })
  let delivered = 0
  for (let w = 0; w < watchers; w++) {
    await store.watch({ key: 'w/', rangeEnd: prefixEnd('w/') }, (r) => {
      if (r.type === 'events') delivered += r.events.length
    })
  }
  const puts = Math.ceil(EVENTS_PER_ROUND / watchers)
  const start = performance.now()
  for (let i = 0; i < puts; i++) await store.put({ key: `w/${i % 100}`, value: String(i) })
  const seconds = (performance.now() - start) / 1000
  await store.close()
  if (delivered !== puts * watchers) throw new Error(`delivered ${delivered} events, want ${puts * watchers}`)
  return delivered / seconds
}

export const storeThroughput: Benchmark = {
  name: 'store-throughput',
  description: `the embedded store: ops/s of a put/range/txn mix (${OPS} requests), and events/s delivered to 1, 10 and 100 watchers`,
  async run(log) {
    const mix: number[] = []
    await opMixPerSecond(new MemoryStore({ clock: new VirtualClock() }), OPS) // warm up the JIT
    for (let i = 0; i < ROUNDS; i++) {
      const store = new MemoryStore({ clock: new VirtualClock() })
      mix.push(await opMixPerSecond(store, OPS))
      await store.close()
    }
    log(`  op mix rounds: ${mix.map((m) => round(m)).join(', ')} ops/s`)
    const figures: Figure[] = [{ name: 'store-throughput.memory.op-mix', value: round(median(mix)), unit: 'ops/s' }]
    for (const watchers of [1, 10, 100]) {
      const rounds: number[] = []
      for (let i = 0; i < ROUNDS; i++) rounds.push(await eventsPerSecond(watchers))
      figures.push({ name: `store-throughput.memory.events-to-${watchers}-watchers`, value: round(median(rounds)), unit: 'events/s' })
    }
    return figures
  },
}
