// Key order and key ranges. etcd compares keys as bytes; for UTF-8 text that is Unicode code point
// order, which differs from JavaScript's UTF-16 `<` only between astral characters and
// U+E000..U+FFFF. Mirrors the range conventions of etcd's clientv3 (GetPrefixRangeEnd in
// client/v3/op.go) and the "range end '\0' means all keys >= key" rule (mkGteRange in
// server/etcdserver/txn/txn.go).
import type { KeyRange } from './requests.ts'

/** The range end meaning "no upper bound". */
export const NO_END = '\0'

/** Negative when a < b, 0 when equal, positive when a > b, in code point (UTF-8 byte) order. */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) return codePointRank(x) - codePointRank(y)
      return x - y
    }
  }
  return a.length - b.length
}

// Surrogates (astral code points) sort after U+E000..U+FFFF in code point order.
function codePointRank(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000
}

/**
 * The range end that covers every key starting with `prefix`: the prefix with its last character
 * incremented (dropping characters that cannot be). An empty prefix gives '\0' (all keys).
 */
export function prefixEnd(prefix: string): string {
  const chars = Array.from(prefix)
  while (chars.length > 0) {
    const last = chars.pop()!.codePointAt(0)!
    if (last < 0x10ffff) {
      const next = last === 0xd7ff ? 0xe000 : last + 1
      return chars.join('') + String.fromCodePoint(next)
    }
  }
  return NO_END
}

/** The range of every key starting with `prefix`. */
export function prefixRange(prefix: string): KeyRange {
  return { key: prefix, rangeEnd: prefixEnd(prefix) }
}

/** A KeyRange in normal form: a single key, or [key, end) with end undefined meaning unbounded. */
export type Interval = { readonly single: true; readonly key: string } | { readonly single: false; readonly key: string; readonly end: string | undefined }

export function toInterval(range: KeyRange): Interval {
  const { key, rangeEnd } = range
  if (rangeEnd === undefined || rangeEnd === '') return { single: true, key }
  return { single: false, key, end: rangeEnd === NO_END ? undefined : rangeEnd }
}

/** True when `key` falls in the interval. */
export function intervalContains(interval: Interval, key: string): boolean {
  if (interval.single) return key === interval.key
  return compareKeys(key, interval.key) >= 0 && (interval.end === undefined || compareKeys(key, interval.end) < 0)
}
