// The same put/range/txn mix on the embedded store and on a real etcd, side by side (ops/s of each
// and their ratio), and watch delivery latency on each (put call to event at the watcher). The etcd
// side needs KUBEPARTS_ETCD_ENDPOINT (e.g. http://127.0.0.1:2379; `bash .ci/run` starts one for
// the tests); without it, only the embedded side runs and the output says so.
import { RealClock } from '../src/sim/real-clock.ts'
import { VirtualClock } from '../src/sim/virtual-clock.ts'
import { EtcdStore } from '../src/store/etcd-store.ts'
import type { KeyValueStore } from '../src/store/kv.ts'
import { MemoryStore } from '../src/store/memory-store.ts'
import type { Benchmark, Figure } from './figure.ts'
import { opMixPerSecond, round, watchLatencyMs } from './store-workload.ts'

const MEMORY_OPS = 20_000
const ETCD_OPS = 2_000
const LATENCY_SAMPLES = 300

async function measure(store: KeyValueStore, ops: number) {
  try {
    await opMixPerSecond(store, Math.ceil(ops / 10)) // warm up
    return { opsPerSecond: await opMixPerSecond(store, ops), latency: await watchLatencyMs(store, LATENCY_SAMPLES) }
  } finally {
    await store.close()
  }
}

export const storeVsEtcd: Benchmark = {
  name: 'store-vs-etcd',
  description: 'the put/range/txn mix and watch latency, embedded store vs a real etcd (KUBEPARTS_ETCD_ENDPOINT)',
  async run(log) {
    const memory = await measure(new MemoryStore({ clock: new VirtualClock() }), MEMORY_OPS)
    const figures: Figure[] = [
      { name: 'store-vs-etcd.memory.op-mix', value: round(memory.opsPerSecond), unit: 'ops/s' },
      { name: 'store-vs-etcd.memory.watch-latency-median', value: round(memory.latency.median, 4), unit: 'ms' },
      { name: 'store-vs-etcd.memory.watch-latency-p99', value: round(memory.latency.p99, 4), unit: 'ms' },
    ]
    const endpoint = process.env.KUBEPARTS_ETCD_ENDPOINT
    if (endpoint === undefined || endpoint === '') {
      log('  etcd side SKIPPED: set KUBEPARTS_ETCD_ENDPOINT=http://127.0.0.1:2379 (a running etcd) to compare')
      return figures
    }
    const clock = new RealClock()
    const keepAlive = setInterval(() => {}, 1000) // RealClock's timers do not hold the process open
    try {
      const etcd = await measure(EtcdStore.connect({ clock, endpoint, keyPrefix: `kubeparts-bench/${process.pid}-${clock.now()}/` }), ETCD_OPS)
      log(`  etcd at ${endpoint}`)
      figures.push(
        { name: 'store-vs-etcd.etcd.op-mix', value: round(etcd.opsPerSecond), unit: 'ops/s' },
        { name: 'store-vs-etcd.memory-over-etcd', value: round(memory.opsPerSecond / etcd.opsPerSecond, 1), unit: 'x' },
        { name: 'store-vs-etcd.etcd.watch-latency-median', value: round(etcd.latency.median, 3), unit: 'ms' },
        { name: 'store-vs-etcd.etcd.watch-latency-p99', value: round(etcd.latency.p99, 3), unit: 'ms' },
      )
    } finally {
      clearInterval(keepAlive)
    }
    return figures
  },
}
