// The store's one domain error: a StoreError with a code, each code one of etcd's sentinel errors
// with the same meaning. Mirrors ErrCompacted / ErrFutureRev (server/storage/mvcc/kvstore.go),
// ErrKeyNotFound / ErrDuplicateKey / ErrEmptyKey / ErrTooManyOps / ErrValueProvided /
// ErrLeaseProvided (api/v3rpc/rpctypes/error.go) and ErrLeaseNotFound / ErrLeaseExists /
// ErrLeaseTTLTooLarge (server/lease/lessor.go).

export type StoreErrorCode =
  /** The revision asked for is older than the compacted revision: that history is gone. */
  | 'compacted'
  /** The revision asked for is newer than the store's current revision. */
  | 'future-revision'
  /** A put with ignoreValue or ignoreLease names a key that does not exist. */
  | 'key-not-found'
  /** A transaction writes the same key twice (two puts, or a put and a delete covering it). */
  | 'duplicate-key'
  /** A request names no key. */
  | 'empty-key'
  /** A transaction has more operations in one list (compare, success or failure) than allowed. */
  | 'too-many-ops'
  /** A put sets ignoreValue but also gives a value. */
  | 'value-provided'
  /** A put sets ignoreLease but also gives a lease. */
  | 'lease-provided'
  /** The lease does not exist (never granted, revoked or expired). */
  | 'lease-not-found'
  /** A grant asks for a lease ID that is already in use. */
  | 'lease-exists'
  /** A grant asks for a TTL above the maximum. */
  | 'lease-ttl-too-large'
  /** The request is malformed in a way etcd's types would not allow (e.g. a fractional revision). */
  | 'invalid-argument'
  /** The store was closed. */
  | 'closed'

const messages: Record<StoreErrorCode, string> = {
  compacted: 'required revision has been compacted',
  'future-revision': 'required revision is a future revision',
  'key-not-found': 'key not found',
  'duplicate-key': 'duplicate key given in txn request',
  'empty-key': 'key is not provided',
  'too-many-ops': 'too many operations in txn request',
  'value-provided': 'value is provided',
  'lease-provided': 'lease is provided',
  'lease-not-found': 'requested lease not found',
  'lease-exists': 'lease already exists',
  'lease-ttl-too-large': 'too large lease TTL',
  'invalid-argument': 'invalid argument',
  closed: 'store is closed',
}

export class StoreError extends Error {
  readonly code: StoreErrorCode

  constructor(code: StoreErrorCode, detail?: string) {
    super(detail === undefined ? `etcdserver: ${messages[code]}` : `etcdserver: ${messages[code]}: ${detail}`)
    this.name = 'StoreError'
    this.code = code
  }
}

/** True when `error` is a StoreError, with the given code if one is passed. */
export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code)
}
