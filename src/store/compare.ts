// Transaction guards: does a key (every key of a range) satisfy a comparison? Mirrors
// applyCompare and compareKV in etcd's server/etcdserver/txn/txn.go: a range compare holds only if
// every key in it holds; a missing key compares as a KeyValue of zeros (version, create, mod and
// lease all 0), except that a value compare on a missing key always fails (no way to tell an
// empty value from none).
import type { KeyValue } from './key-value.ts'
import { compareKeys, toInterval } from './keys.ts'
import type { StoreTxn } from './kvstore-txn.ts'
import type { Compare } from './requests.ts'

const missing: KeyValue = { key: '', value: '', createRevision: 0, modRevision: 0, version: 0, lease: 0 }

export function applyCompare(txn: StoreTxn, compare: Compare): boolean {
  const { kvs } = txn.range(toInterval(compare))
  if (kvs.length === 0) return compare.target === 'value' ? false : compareKv(compare, missing)
  return kvs.every((kv) => compareKv(compare, kv))
}

export function applyCompares(txn: StoreTxn, compares: readonly Compare[]): boolean {
  return compares.every((c) => applyCompare(txn, c))
}

function compareKv(compare: Compare, kv: KeyValue): boolean {
  const order = fieldOrder(compare, kv)
  switch (compare.result) {
    case '=':
      return order === 0
    case '!=':
      return order !== 0
    case '<':
      return order < 0
    case '>':
      return order > 0
  }
}

function fieldOrder(compare: Compare, kv: KeyValue): number {
  switch (compare.target) {
    case 'value':
      return compareKeys(kv.value, compare.operand) // byte order, as bytes.Compare
    case 'version':
      return Math.sign(kv.version - compare.operand)
    case 'create':
      return Math.sign(kv.createRevision - compare.operand)
    case 'mod':
      return Math.sign(kv.modRevision - compare.operand)
    case 'lease':
      return Math.sign(kv.lease - compare.operand)
  }
}
