// The half of a KeyValueStore that does not depend on how the keys are kept: watches (over a
// WatchableStore fed by the store's commits), the lease requests (over a lessor), and closing.
// MemoryStore (the reference) and MvccCoreStore (around a learner's MvccCore) differ only in their
// key-value half, so both extend this. Mirrors etcd's server, where the watchable store
// (server/storage/mvcc/watchable_store.go) and the lessor (server/lease/lessor.go) wrap the same
// mvcc.KV whatever backs it.
import { StoreError } from './errors.ts'
import type { LeaseRequests } from './lease-requests.ts'
import type { LeaseGrantRequest, LeaseGrantResponse, LeaseKeepAliveResponse, LeaseLeasesResponse, LeaseRevokeResponse, LeaseTimeToLiveRequest, LeaseTimeToLiveResponse } from './lease-messages.ts'
import type { ResponseOp, TxnResponse } from './requests.ts'
import type { StoreLessor } from './store-lessor.ts'
import type { Watch, WatchListener, WatchRequest } from './watch-messages.ts'
import type { WatchableStore } from './watchable-store.ts'

export abstract class StoreServices {
  protected readonly watches: WatchableStore
  protected readonly leases: LeaseRequests
  protected readonly lessor: StoreLessor
  #closed = false

  protected constructor(parts: { readonly watches: WatchableStore; readonly leases: LeaseRequests; readonly lessor: StoreLessor }) {
    this.watches = parts.watches
    this.leases = parts.leases
    this.lessor = parts.lessor
  }

  protected get closed(): boolean {
    return this.#closed
  }

  /** Throws 'closed' once close() has been called: every request checks it first. */
  protected open(): void {
    if (this.#closed) throw new StoreError('closed')
  }

  async watch(request: WatchRequest, listener: WatchListener): Promise<Watch> {
    this.open()
    if (request.startRevision !== undefined && !Number.isSafeInteger(request.startRevision)) {
      throw new StoreError('invalid-argument', `startRevision ${request.startRevision}`)
    }
    return this.watches.create(request, listener)
  }

  async leaseGrant(request: LeaseGrantRequest): Promise<LeaseGrantResponse> {
    this.open()
    return this.leases.grant(request)
  }

  async leaseRevoke(id: number): Promise<LeaseRevokeResponse> {
    this.open()
    return this.leases.revoke(id)
  }

  async leaseKeepAlive(id: number): Promise<LeaseKeepAliveResponse> {
    this.open()
    return this.leases.keepAlive(id)
  }

  async leaseTimeToLive(request: LeaseTimeToLiveRequest): Promise<LeaseTimeToLiveResponse> {
    this.open()
    return this.leases.timeToLive(request)
  }

  async leaseLeases(): Promise<LeaseLeasesResponse> {
    this.open()
    return this.leases.leases()
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.lessor.stop?.()
    this.watches.closeAll()
  }
}

/** The single response of a one-op transaction (a range, put or delete sent on its own). */
export function onlyResponse<T extends ResponseOp['type']>(response: TxnResponse, type: T): Omit<Extract<ResponseOp, { type: T }>, 'type'> {
  const op = response.responses[0]
  if (op === undefined || op.type !== type) throw new Error(`internal: expected a ${type} response`)
  const { type: _, ...rest } = op as Extract<ResponseOp, { type: T }>
  return rest
}

/** The default for a watch listener that throws: report it outside the store, on a microtask. */
export function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error
  })
}
