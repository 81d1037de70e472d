// The store's public surface: the KeyValueStore interface and its messages, the in-memory
// implementation, errors and key-range helpers. (The conformance suite, store-conformance.ts, and
// the watch guarantee checks, watch-guarantees.ts, are imported directly by tests and graders.)
export type { KeyValueStore } from './kv.ts'
export type { KeyValue, ResponseHeader, Event } from './key-value.ts'
export type {
  KeyRange,
  RangeRequest,
  RangeResponse,
  PutRequest,
  PutResponse,
  DeleteRangeRequest,
  DeleteRangeResponse,
  Compare,
  CompareResult,
  CompareTarget,
  RequestOp,
  ResponseOp,
  TxnRequest,
  TxnResponse,
  CompactResponse,
} from './requests.ts'
export type { WatchRequest, WatchResponse, WatchFilter, WatchListener, Watch } from './watch-messages.ts'
export type {
  LeaseGrantRequest,
  LeaseGrantResponse,
  LeaseRevokeResponse,
  LeaseKeepAliveResponse,
  LeaseTimeToLiveRequest,
  LeaseTimeToLiveResponse,
  LeaseLeasesResponse,
} from './lease-messages.ts'
export { StoreError, isStoreError, type StoreErrorCode } from './errors.ts'
export { compareKeys, prefixEnd, prefixRange, NO_END } from './keys.ts'
export { MemoryStore, type MemoryStoreOptions } from './memory-store.ts'
export { DEFAULT_MIN_LEASE_TTL_SECONDS, MAX_LEASE_TTL_SECONDS } from './lessor.ts'
export { DEFAULT_MAX_TXN_OPS } from './txn-check.ts'
