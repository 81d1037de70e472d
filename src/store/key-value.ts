// The data a store holds and hands out: a key's value with its revision metadata, the header on
// every response, and the change events a watch delivers. Mirrors etcd's api/mvccpb/kv.proto
// (KeyValue, Event) and ResponseHeader in api/etcdserverpb/rpc.proto.
//
// Keys and values are JavaScript strings (UTF-8 text on the wire): the API server stores JSON, and
// strings keep every test readable. Keys sort as etcd sorts bytes, i.e. by Unicode code point
// (see keys.ts), not by UTF-16 code unit.

/** One version of one key, as etcd's mvccpb.KeyValue. */
export interface KeyValue {
  readonly key: string
  /** Empty for a range with `keysOnly`. */
  readonly value: string
  /** Revision of the write that created this key's current generation (after a delete, the next put starts a new one). */
  readonly createRevision: number
  /** Revision of the last write to this key. */
  readonly modRevision: number
  /** Number of writes since the key was (re)created: 1 on create, +1 on each put; a delete resets it. */
  readonly version: number
  /** ID of the lease the key is attached to, 0 for none. */
  readonly lease: number
}

/** Sent with every response: the store's revision when the request was served. */
export interface ResponseHeader {
  readonly revision: number
}

/** One change, as etcd's mvccpb.Event. A delete event's kv carries only key and modRevision (the tombstone). */
export interface Event {
  readonly type: 'put' | 'delete'
  readonly kv: KeyValue
  /** The key as it was just before this change; only when asked for (`prevKv`) and still in history. */
  readonly prevKv?: KeyValue
}
