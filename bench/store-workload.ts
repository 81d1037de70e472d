// The store benchmarks' shared workload: a put/range/txn mix over a small keyspace (60% puts, 30%
// ranges, 10% guarded txns), run one request at a time as an API server's handlers would, and a
// watch latency probe (put, then time until the watcher sees it).
import { performance } from 'node:perf_hooks'
import type { KeyValueStore } from '../src/store/kv.ts'
import { prefixEnd } from '../src/store/keys.ts'
import { median } from './figure.ts'

const KEYS = 100

/** Operations per second over `ops` requests of the mix. */
export async function opMixPerSecond(store: KeyValueStore, ops: number): Promise<number> {
  const start = performance.now()
  for (let i = 0; i < ops; i++) {
    const key = `k/${(i * 7919) % KEYS}`
    const pick = i % 10
    if (pick < 6) await store.put({ key, value: `v${i}` })
    else if (pick < 9) await (pick === 8 ? store.range({ key: 'k/', rangeEnd: prefixEnd('k/'), limit: 10 }) : store.range({ key }))
    else await store.txn({ compare: [{ key, target: 'version', result: '>', operand: 0 }], success: [{ type: 'put', key, value: 't' }], failure: [{ type: 'range', key }] })
  }
  return ops / ((performance.now() - start) / 1000)
}

/** Median and 99th-percentile milliseconds from a put's call to its event at a watcher. */
export async function watchLatencyMs(store: KeyValueStore, samples: number): Promise<{ median: number; p99: number }> {
  let sentAt = 0
  let arrived: (() => void) | undefined
  const latencies: number[] = []
  const watch = await store.watch({ key: 'lat' }, (r) => {
    if (r.type !== 'events') return
    latencies.push(performance.now() - sentAt)
    arrived?.()
  })
  for (let i = 0; i < samples; i++) {
    const seen = new Promise<void>((resolve) => (arrived = resolve))
    sentAt = performance.now()
    await store.put({ key: 'lat', value: String(i) })
    await seen
  }
  await watch.cancel()
  const sorted = [...latencies].sort((a, b) => a - b)
  return { median: median(sorted), p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] }
}

export function round(value: number, digits = 0): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}
