// Does a key range hold a key? The one question a KeyRange answers, for code that walks keys one
// by one (lesson 01's store). A range without `rangeEnd` holds exactly its key; with one, every key
// in [key, rangeEnd) in byte order; a `rangeEnd` of '\0' means "no upper bound", as in etcd's
// mkGteRange (server/etcdserver/txn/txn.go).
import { intervalContains, toInterval } from './keys.ts'
import type { KeyRange } from './requests.ts'

export function rangeContains(range: KeyRange, key: string): boolean {
  return intervalContains(toInterval(range), key)
}
