// A KeyValueStore view whose reads and writes each wait for a fast-check scheduler before they
// run, and are logged in the order they ran (`c1 range`, `c2 txn`). Several such views over one
// store, one per client, let a test run the clients' store calls in every interleaving.
import type fc from 'fast-check'
import type { KeyValueStore, RangeRequest } from '../../store/index.ts'

/** One client's view: each read or write first waits at `gate` with a label such as `c1 range`. */
export class ScheduledStore implements KeyValueStore {
  readonly #inner: KeyValueStore
  readonly #gate: (label: string) => Promise<void>
  readonly #label: string

  constructor(inner: KeyValueStore, label: string, gate: (label: string) => Promise<void>) {
    this.#inner = inner
    this.#label = label
    this.#gate = gate
  }
  async range(r: RangeRequest) {
    await this.#gate(`${this.#label} range`)
    return this.#inner.range(r)
  }
  async put(r: Parameters<KeyValueStore['put']>[0]) {
    await this.#gate(`${this.#label} put`)
    return this.#inner.put(r)
  }
  async deleteRange(r: Parameters<KeyValueStore['deleteRange']>[0]) {
    await this.#gate(`${this.#label} deleteRange`)
    return this.#inner.deleteRange(r)
  }
  async txn(r: Parameters<KeyValueStore['txn']>[0]) {
    await this.#gate(`${this.#label} txn`)
    return this.#inner.txn(r)
  }
  compact = (revision: number) => this.#inner.compact(revision)
  watch = (...args: Parameters<KeyValueStore['watch']>) => this.#inner.watch(...args)
  leaseGrant = (...args: Parameters<KeyValueStore['leaseGrant']>) => this.#inner.leaseGrant(...args)
  leaseRevoke = (id: number) => this.#inner.leaseRevoke(id)
  leaseKeepAlive = (id: number) => this.#inner.leaseKeepAlive(id)
  leaseTimeToLive = (...args: Parameters<KeyValueStore['leaseTimeToLive']>) => this.#inner.leaseTimeToLive(...args)
  leaseLeases = () => this.#inner.leaseLeases()
  close = () => this.#inner.close()
}

/** A gate that lets each call through when `scheduler` picks it, logging it to `log`. */
export function schedulerGate(scheduler: fc.Scheduler, log: string[]): (label: string) => Promise<void> {
  return async (label) => {
    await scheduler.schedule(Promise.resolve(label), label)
    log.push(label)
  }
}
