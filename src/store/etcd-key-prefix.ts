// One store's slice of a shared etcd keyspace: every key is stored under a prefix, so several
// stores (one per test, one per cluster) can share one server without seeing each other's keys.
// Mirrors the namespace KV of etcd's client/v3/namespace/kv.go (prefixInterval: a range end of
// "\0", "every key from here on", becomes the end of the prefix; keys lose the prefix on the way out).
import { NO_END } from './keys.ts'
import type { KeyRange } from './requests.ts'

export class KeyPrefix {
  readonly bytes: Buffer
  /** The first key after every key with the prefix: the prefix's last byte incremented. */
  readonly end: Buffer

  constructor(prefix: string) {
    if (prefix.length === 0) throw new RangeError('an etcd key prefix must not be empty')
    this.bytes = Buffer.from(prefix, 'utf8')
    this.end = prefixEndBytes(this.bytes)
  }

  /** The server's key for one of ours. */
  key(key: string): Buffer {
    return Buffer.concat([this.bytes, Buffer.from(key, 'utf8')])
  }

  /** The server's [key, range_end) for one of our ranges; a single key keeps an empty range_end. */
  range(range: KeyRange): { key: Buffer; range_end?: Buffer } {
    const key = this.key(range.key)
    if (range.rangeEnd === undefined || range.rangeEnd === '') return { key }
    return { key, range_end: range.rangeEnd === NO_END ? this.end : this.key(range.rangeEnd) }
  }

  /** Our key for one of the server's (which must carry the prefix). */
  strip(key: Buffer): string {
    if (key.length < this.bytes.length || !key.subarray(0, this.bytes.length).equals(this.bytes)) {
      throw new Error(`internal: key ${JSON.stringify(key.toString('utf8'))} is outside prefix ${JSON.stringify(this.bytes.toString('utf8'))}`)
    }
    return key.subarray(this.bytes.length).toString('utf8')
  }
}

function prefixEndBytes(prefix: Buffer): Buffer {
  const end = Buffer.from(prefix)
  for (let i = end.length - 1; i >= 0; i--) {
    if (end[i] < 0xff) {
      end[i]++
      return end.subarray(0, i + 1)
    }
  }
  throw new RangeError('a prefix of only 0xff bytes has no end')
}
