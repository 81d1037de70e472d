// etcd's errors as StoreErrors: the server sends each sentinel error as a gRPC status whose
// message is the error's text, so the text decides the code. Mirrors the error table of etcd's
// api/v3rpc/rpctypes/error.go (ErrGRPCCompacted, ErrGRPCFutureRev, ErrGRPCLeaseNotFound, ...).
import { StoreError, type StoreErrorCode } from './errors.ts'

const byMessage: readonly (readonly [string, StoreErrorCode])[] = [
  ['required revision has been compacted', 'compacted'],
  ['required revision is a future revision', 'future-revision'],
  ['requested lease not found', 'lease-not-found'],
  ['lease already exists', 'lease-exists'],
  ['too large lease TTL', 'lease-ttl-too-large'],
  ['duplicate key given in txn request', 'duplicate-key'],
  ['too many operations in txn request', 'too-many-ops'],
  ['key is not provided', 'empty-key'],
  ['value is provided', 'value-provided'],
  ['lease is provided', 'lease-provided'],
  ['key not found', 'key-not-found'],
]

/** The StoreError for an error from the etcd client; errors etcd has no sentinel for pass through. */
export function fromEtcdError(error: unknown): unknown {
  if (!(error instanceof Error)) return error
  for (const [text, code] of byMessage) if (error.message.includes(text)) return new StoreError(code, `etcd: ${error.message}`)
  return error
}

/** Run an etcd call, turning its sentinel errors into StoreErrors. */
export async function etcdCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw fromEtcdError(error)
  }
}
