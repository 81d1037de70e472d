// The storage interface of one resource over the KeyValueStore: create (only if absent), get,
// list (at a revision, paginated), guaranteed update (read, change, write if unchanged since the
// read, else retry) and delete (if unchanged since the read). Every write is a transaction whose
// compare is on the key's mod revision, so two writers cannot both win.
// Mirrors Create, Get, GetList, GuaranteedUpdate, Delete (conditionalDelete) in
// staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go, and interpretListError for compacted
// revisions.
import { isStoreError, prefixEnd, type KeyValue, type KeyValueStore } from '../../store/index.ts'
import { newAlreadyExists, newNotFound, newResourceExpired, newTooLargeResourceVersion } from '../errors/api-errors.ts'
import { ApiError } from '../errors/status.ts'
import type { KubeObject } from '../registry/object.ts'
import type { ResourceInfo } from '../registry/resource-info.ts'
import type { ObjectCodec } from './codec.ts'
import { encodeContinue } from './continue-token.ts'

/** An object as read from the store, with the mod revision the read saw. */
export interface StoredObject {
  readonly obj: KubeObject
  readonly revision: number
}

export interface ListPage {
  readonly items: KubeObject[]
  /** The revision the list was read at. */
  readonly revision: number
  /** Set when more items remain: the token for the next page. */
  readonly continueToken?: string
  /** How many keys after this page remain (only without a filter). */
  readonly remainingItemCount?: number
}

export interface ListRequest {
  /** 0: the latest revision. */
  readonly revision: number
  /** First key to read (inclusive); defaults to the prefix. */
  readonly startKey?: string
  /** At most this many items (0: no limit). */
  readonly limit: number
  /** Keep only the objects this accepts. */
  readonly filter?: (obj: KubeObject) => boolean
  /** Whether the list continues an earlier page (changes the expired message). */
  readonly paging: boolean
}

/** Messages of interpretListError (etcd3/store.go). */
export const EXPIRED_LIST_MESSAGE = 'The resourceVersion for the provided list is too old.'
export const INCONSISTENT_CONTINUE_MESSAGE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.'

/** What a GuaranteedUpdate's tryUpdate returns: a new object to write, or nothing to change. */
export type UpdateDecision = { readonly type: 'write'; readonly obj: KubeObject } | { readonly type: 'unchanged' } | { readonly type: 'delete' }

export type TryUpdate = (current: StoredObject | undefined) => UpdateDecision | Promise<UpdateDecision>

export class EtcdStorage {
  readonly #kv: KeyValueStore
  readonly #codec: ObjectCodec
  readonly #info: ResourceInfo

  constructor(kv: KeyValueStore, codec: ObjectCodec, info: ResourceInfo) {
    this.#kv = kv
    this.#codec = codec
    this.#info = info
  }

  /** Write `obj` at `key` unless the key exists; returns the stored object with its resourceVersion. */
  async create(key: string, obj: KubeObject, name: string): Promise<KubeObject> {
    const value = this.#codec.encode(obj)
    const response = await this.#kv.txn({
      compare: [{ key, target: 'mod', result: '=', operand: 0 }],
      success: [{ type: 'put', key, value }],
    })
    if (!response.succeeded) throw newAlreadyExists(this.#info.groupResource, name)
    return this.#decode({ key, value, createRevision: response.header.revision, modRevision: response.header.revision, version: 1, lease: 0 })
  }

  async get(key: string, revision = 0): Promise<StoredObject | undefined> {
    const response = await this.#range({ key, revision }, false)
    const kv = response.kvs[0]
    return kv === undefined ? undefined : { obj: this.#decode(kv), revision: kv.modRevision }
  }

  /**
   * One page of the objects under `prefix`, in key order, read at one revision. With a filter it
   * keeps reading until the page is full or the keys run out, as GetList does.
   */
  async list(prefix: string, request: ListRequest): Promise<ListPage> {
    const end = prefixEnd(prefix)
    let key = request.startKey ?? prefix
    let revision = request.revision
    const items: KubeObject[] = []
    const limit = request.limit
    let lastKey: string | undefined
    let more = false
    let remaining: number | undefined
    for (;;) {
      const page = await this.#range({ key, rangeEnd: end, revision, limit: limit > 0 ? Math.max(limit - items.length, limit) : 0 }, request.paging)
      if (revision === 0) revision = page.header.revision
      for (const kv of page.kvs) {
        lastKey = kv.key
        const obj = this.#decode(kv)
        if (request.filter === undefined || request.filter(obj)) items.push(obj)
        if (limit > 0 && items.length >= limit) break
      }
      const consumedAll = lastKey === page.kvs[page.kvs.length - 1]?.key
      more = page.more || !consumedAll
      if (request.filter === undefined && more) remaining = page.count - (page.kvs.findIndex((kv) => kv.key === lastKey) + 1)
      if (!more || (limit > 0 && items.length >= limit) || page.kvs.length === 0) break
      key = `${lastKey}\0`
    }
    const continueToken = more && limit > 0 && lastKey !== undefined ? encodeContinue(`${lastKey}\0`, this.#info.keyPrefix, revision) : undefined
    return { items, revision, ...(continueToken ? { continueToken } : {}), ...(continueToken && remaining !== undefined ? { remainingItemCount: remaining } : {}) }
  }

  /**
   * Read the key, let `tryUpdate` decide, and write the result only if the key's mod revision is
   * still the one read; on a lost race, read again and retry. Returns the object now stored
   * (undefined after a delete) and whether anything was written.
   */
  async guaranteedUpdate(key: string, tryUpdate: TryUpdate, cached?: StoredObject): Promise<{ obj: KubeObject | undefined; written: boolean }> {
    let current = cached ?? (await this.get(key))
    for (;;) {
      const decision = await tryUpdate(current)
      if (decision.type === 'unchanged') return { obj: current?.obj, written: false }
      const expected = current?.revision ?? 0
      const compare = [{ key, target: 'mod' as const, result: '=' as const, operand: expected }]
      if (decision.type === 'delete') {
        const response = await this.#kv.txn({ compare, success: [{ type: 'deleteRange', key }], failure: [{ type: 'range', key }] })
        if (response.succeeded) {
          this.#codec.forget(key)
          return { obj: current?.obj, written: true }
        }
        current = this.#fromFailure(response.responses[0])
        continue
      }
      const value = this.#codec.encode(decision.obj)
      const response = await this.#kv.txn({ compare, success: [{ type: 'put', key, value }], failure: [{ type: 'range', key }] })
      if (response.succeeded) {
        const revision = response.header.revision
        const obj = this.#decode({ key, value, createRevision: current === undefined ? revision : 0, modRevision: revision, version: 0, lease: 0 })
        return { obj, written: true }
      }
      current = this.#fromFailure(response.responses[0])
    }
  }

  #fromFailure(op: { type: string; kvs?: readonly KeyValue[] } | undefined): StoredObject | undefined {
    const kv = op?.type === 'range' ? op.kvs?.[0] : undefined
    return kv === undefined ? undefined : { obj: this.#decode(kv), revision: kv.modRevision }
  }

  #decode(kv: KeyValue): KubeObject {
    return this.#codec.decode(kv, this.#info.watchCache)
  }

  async #range(request: { key: string; rangeEnd?: string; revision: number; limit?: number }, paging: boolean) {
    try {
      return await this.#kv.range(request)
    } catch (error) {
      if (isStoreError(error, 'compacted')) {
        if (paging) {
          const e = newResourceExpired(INCONSISTENT_CONTINUE_MESSAGE)
          return Promise.reject(new ApiError({ ...e.status, metadata: { continue: encodeContinue(request.key, this.#info.keyPrefix, -1) } }))
        }
        throw newResourceExpired(EXPIRED_LIST_MESSAGE)
      }
      if (isStoreError(error, 'future-revision')) throw newTooLargeResourceVersion(request.revision, 0, 1)
      throw error
    }
  }
}

/** NotFound for this resource, for the registry's use. */
export function notFound(info: ResourceInfo, name: string): ApiError {
  return newNotFound(info.groupResource, name)
}
