// Checks a request passes before it touches the store, so a failed request changes nothing.
// Mirrors etcd's server/etcdserver/api/v3rpc/key.go (checkTxnRequest, checkPutRequest: empty keys,
// too many ops, value/lease given with ignoreValue/ignoreLease; checkIntervals: no key written
// twice in one transaction) and checkTxn / checkPut / checkRange in server/etcdserver/txn/txn.go
// (against the store as it is before the transaction: past revisions, missing keys, missing leases).
import { StoreError } from './errors.ts'
import { intervalContains, toInterval, type Interval } from './keys.ts'
import type { StoreTxn } from './kvstore-txn.ts'
import type { Compare, RequestOp, TxnRequest } from './requests.ts'

/** etcd's default --max-txn-ops. */
export const DEFAULT_MAX_TXN_OPS = 128

/** The branch each transaction (and each nested one on the way) takes, decided before any write. */
export interface TxnPath {
  readonly succeeded: boolean
  /** For each op of the chosen branch: the path of a nested txn, else undefined. */
  readonly nested: readonly (TxnPath | undefined)[]
}

/** Shape checks that need no store: keys, op counts, flags, numbers; then duplicate writes. */
export function checkTxnRequest(request: TxnRequest, maxTxnOps: number): void {
  checkShape(request, maxTxnOps)
  // Most transactions write at most one key (every API server write): nothing can collide.
  if (canCollide(request.success)) checkIntervals(request.success ?? [])
  if (canCollide(request.failure)) checkIntervals(request.failure ?? [])
}

/** False when the ops cannot write a key twice: no nested txn, no delete, at most one put. */
function canCollide(ops: readonly RequestOp[] | undefined): boolean {
  if (ops === undefined) return false
  let puts = 0
  for (const op of ops) {
    if (op.type === 'txn' || op.type === 'deleteRange') return true
    if (op.type === 'put' && ++puts > 1) return true
  }
  return false
}

function checkShape(request: TxnRequest, maxTxnOps: number): void {
  const compares = request.compare ?? []
  const success = request.success ?? []
  const failure = request.failure ?? []
  const ops = Math.max(compares.length, success.length, failure.length)
  if (ops > maxTxnOps) throw new StoreError('too-many-ops', `${ops} > ${maxTxnOps}`)
  for (const c of compares) checkCompare(c)
  for (const op of [...success, ...failure]) checkOp(op, maxTxnOps - ops)
}

function checkCompare(c: Compare): void {
  if (c.key.length === 0) throw new StoreError('empty-key')
  if (c.target !== 'value' && !Number.isSafeInteger(c.operand)) throw new StoreError('invalid-argument', `compare operand ${c.operand}`)
}

function checkOp(op: RequestOp, maxTxnOps: number): void {
  switch (op.type) {
    case 'range':
      if (op.key.length === 0) throw new StoreError('empty-key')
      checkInteger('revision', op.revision)
      checkInteger('limit', op.limit)
      return
    case 'put':
      if (op.key.length === 0) throw new StoreError('empty-key')
      if (op.ignoreValue && op.value.length !== 0) throw new StoreError('value-provided')
      if (op.ignoreLease && (op.lease ?? 0) !== 0) throw new StoreError('lease-provided')
      checkInteger('lease', op.lease)
      return
    case 'deleteRange':
      if (op.key.length === 0) throw new StoreError('empty-key')
      return
    case 'txn':
      checkShape(op, maxTxnOps)
      return
  }
}

function checkInteger(name: string, value: number | undefined): void {
  if (value !== undefined && !Number.isSafeInteger(value)) throw new StoreError('invalid-argument', `${name} ${value}`)
}

/**
 * No key may be written twice in one transaction: two puts of a key, or a put of a key a delete
 * covers, at any nesting depth — except a put in both branches of one nested txn (only one runs).
 * Returns this level's puts and deletes for the level above. Unlike etcd, a delete range ending
 * in '\0' counts as covering every key after its start.
 */
function covered(dels: readonly Interval[], key: string): boolean {
  for (const d of dels) if (intervalContains(d, key)) return true
  return false
}

function checkIntervals(ops: readonly RequestOp[]): { puts: Set<string>; dels: Interval[] } {
  const dels: Interval[] = []
  for (const op of ops) if (op.type === 'deleteRange') dels.push(toInterval(op))
  const puts = new Set<string>()
  for (const op of ops) {
    if (op.type !== 'txn') continue
    const then = checkIntervals(op.success ?? [])
    const otherwise = checkIntervals(op.failure ?? [])
    for (const key of then.puts) {
      if (puts.has(key) || covered(dels, key)) throw new StoreError('duplicate-key', key)
      puts.add(key)
    }
    for (const key of otherwise.puts) {
      if ((puts.has(key) && !then.puts.has(key)) || covered(dels, key)) throw new StoreError('duplicate-key', key)
      puts.add(key)
    }
    dels.push(...then.dels, ...otherwise.dels)
  }
  for (const op of ops) {
    if (op.type !== 'put') continue
    if (puts.has(op.key) || covered(dels, op.key)) throw new StoreError('duplicate-key', op.key)
    puts.add(op.key)
  }
  return { puts, dels }
}

/** Checks against the store before the transaction, along the branches it will take. */
export function checkTxnAgainstStore(view: StoreTxn, request: TxnRequest, path: TxnPath, leaseExists: (id: number) => boolean): void {
  const ops = (path.succeeded ? request.success : request.failure) ?? []
  ops.forEach((op, i) => {
    switch (op.type) {
      case 'range': {
        const revision = op.revision ?? 0
        if (revision > view.revision) throw new StoreError('future-revision', `revision ${revision} > current ${view.revision}`)
        if (revision > 0 && revision < view.compactRevision) throw new StoreError('compacted', `revision ${revision} < compacted ${view.compactRevision}`)
        return
      }
      case 'put': {
        if ((op.ignoreValue || op.ignoreLease) && view.range(toInterval(op)).kvs.length === 0) throw new StoreError('key-not-found', op.key)
        const lease = op.lease ?? 0
        if (lease !== 0 && !leaseExists(lease)) throw new StoreError('lease-not-found', `lease ${lease}`)
        return
      }
      case 'deleteRange':
        return
      case 'txn':
        checkTxnAgainstStore(view, op, path.nested[i]!, leaseExists)
        return
    }
  })
}
