// The one interface the API server talks to: an etcd v3 client's view of the cluster's memory.
// Implemented in memory by MemoryStore (memory-store.ts) and, later, over a real etcd server, so
// every operation is async. Mirrors the KV, Watch and Lease services of etcd's
// api/etcdserverpb/rpc.proto (and the KV interface of server/storage/mvcc/kv.go).
//
// The contract, in sentences (each one is checked by the conformance suite, conformance.ts):
// - The store has one revision counter. A new store is at revision 1; every write transaction that
//   changes something moves it up by exactly one; reads, no-op deletes and failed requests do not.
// - A write is visible to every read that starts after its promise resolves.
// - Errors are StoreErrors (errors.ts) whose code says what went wrong; a failed request changes nothing.
// - A watch delivers every matching change after its start revision, in revision order, exactly
//   once, with all events of one revision in one response.
import type {
  CompactResponse,
  DeleteRangeRequest,
  DeleteRangeResponse,
  PutRequest,
  PutResponse,
  RangeRequest,
  RangeResponse,
  TxnRequest,
  TxnResponse,
} from './requests.ts'
import type { Watch, WatchListener, WatchRequest } from './watch-messages.ts'
import type {
  LeaseGrantRequest,
  LeaseGrantResponse,
  LeaseKeepAliveResponse,
  LeaseLeasesResponse,
  LeaseRevokeResponse,
  LeaseTimeToLiveRequest,
  LeaseTimeToLiveResponse,
} from './lease-messages.ts'

export interface KeyValueStore {
  /** Read a key or a range, now or at a past revision. Fails with 'compacted' or 'future-revision'. */
  range(request: RangeRequest): Promise<RangeResponse>
  /** Write one key. Fails with 'lease-not-found', or 'key-not-found' when ignoring value/lease on a missing key. */
  put(request: PutRequest): Promise<PutResponse>
  /** Delete a key or a range; deleting nothing takes no revision. */
  deleteRange(request: DeleteRangeRequest): Promise<DeleteRangeResponse>
  /** Compare, then run one of two op lists, atomically, at one revision. Fails with 'duplicate-key' when a key is written twice. */
  txn(request: TxnRequest): Promise<TxnResponse>
  /** Forget history before `revision` (each key keeps its latest version at or before it). */
  compact(revision: number): Promise<CompactResponse>

  /** Start a watch; `listener` receives its responses in order. Resolves once the watch is in place. */
  watch(request: WatchRequest, listener: WatchListener): Promise<Watch>

  /** Create a lease that expires `ttl` seconds from now unless kept alive. */
  leaseGrant(request: LeaseGrantRequest): Promise<LeaseGrantResponse>
  /** End a lease now, deleting its keys in one revision. Fails with 'lease-not-found'. */
  leaseRevoke(id: number): Promise<LeaseRevokeResponse>
  /** Restart a lease's TTL. Fails with 'lease-not-found'. */
  leaseKeepAlive(id: number): Promise<LeaseKeepAliveResponse>
  /** A lease's remaining and granted TTL (ttl -1 when it does not exist). */
  leaseTimeToLive(request: LeaseTimeToLiveRequest): Promise<LeaseTimeToLiveResponse>
  /** Every live lease. */
  leaseLeases(): Promise<LeaseLeasesResponse>

  /** Stop timers and watches; every later call fails with 'closed'. */
  close(): Promise<void>
}
