// Lesson 04 solution: the generic registry for ReplicaSets, written straight onto the key-value
// store. create = BeforeCreate + validation + a create-if-absent transaction; update and
// updateStatus = GuaranteedUpdate (read, decide, write only if the key's mod revision is still the
// one read, else read again and decide again); delete = mark for deletion while finalizers remain,
// else remove, with the same compare.
// Mirrors Create / Update / Delete of staging/src/k8s.io/apiserver/pkg/registry/generic/registry/
// store.go, BeforeCreate / BeforeUpdate of staging/src/k8s.io/apiserver/pkg/registry/rest/, and
// Create / GuaranteedUpdate / conditionalDelete of staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go.
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import type { ObjectMeta } from 'kubernetes-types/meta/v1'
import type { Clock } from '../../src/sim/clock.ts'
import type { Random } from '../../src/sim/random.ts'
import type { KeyValueStore, RequestOp, ResponseOp } from '../../src/store/index.ts'
import { newAlreadyExists, newBadRequest, newConflict, newInvalid, newNotFound, optimisticLockErrorMsg } from '../../src/api/errors/api-errors.ts'
import { deepEqualJson, invalid, required, type FieldErrorList } from '../../src/api/errors/field-errors.ts'
import { rfc3339 } from '../../src/api/registry/object.ts'
import {
  REPLICA_SETS,
  REPLICA_SET_API_VERSION,
  REPLICA_SET_KIND,
  defaultReplicaSet,
  type DraftReplicaSet,
  replicaSetKey,
  validateReplicaSetExceptName,
  validateReplicaSetStatusUpdate,
  validateReplicaSetUpdate,
} from '../../src/api/registry/replica-set-rules.ts'
import { generateName, newUid } from '../../src/api/server/identity.ts'
import { decodeObject, encodeObject } from '../../src/api/storage/object-json.ts'
import { isDNS1123Subdomain } from '../../src/api/validation/names.ts'

export interface RegistryOptions {
  readonly store: KeyValueStore
  readonly clock: Clock
  readonly random: Random
}

/** The main resource, or the status subresource (`PUT .../replicasets/web/status`). */
export type Subresource = 'main' | 'status'

/** One read of a key: the object, and the revisions the read saw. */
export interface Current {
  readonly obj: ReplicaSet
  readonly modRevision: number
  readonly createRevision: number
}

/** What one pass of an update decides to do with the key. */
export type Decision = { readonly type: 'write'; readonly obj: ReplicaSet } | { readonly type: 'unchanged' } | { readonly type: 'delete' }

export class ReplicaSetRegistry {
  protected readonly store: KeyValueStore
  protected readonly clock: Clock
  protected readonly random: Random

  constructor(options: RegistryOptions) {
    this.store = options.store
    this.clock = options.clock
    this.random = options.random
  }

  async create(namespace: string, rs: ReplicaSet): Promise<ReplicaSet> {
    const obj = this.prepareCreate(namespace, rs)
    const name = obj.metadata.name!
    const key = replicaSetKey(namespace, name)
    const value = encodeObject(obj)
    const response = await this.store.txn({
      compare: [{ key, target: 'mod', result: '=', operand: 0 }],
      success: [{ type: 'put', key, value }],
    })
    if (!response.succeeded) throw newAlreadyExists(REPLICA_SETS, name)
    return decodeObject(value, response.header.revision)
  }

  async get(namespace: string, name: string): Promise<ReplicaSet> {
    const current = await this.read(replicaSetKey(namespace, name))
    if (current === undefined) throw newNotFound(REPLICA_SETS, name)
    return current.obj
  }

  update(namespace: string, rs: ReplicaSet): Promise<ReplicaSet> {
    return this.guaranteedUpdate(namespace, rs, 'main')
  }

  updateStatus(namespace: string, rs: ReplicaSet): Promise<ReplicaSet> {
    return this.guaranteedUpdate(namespace, rs, 'status')
  }

  async delete(namespace: string, name: string): Promise<ReplicaSet> {
    const key = replicaSetKey(namespace, name)
    let current = await this.read(key)
    for (;;) {
      if (current === undefined) throw newNotFound(REPLICA_SETS, name)
      const old = current.obj
      if ((old.metadata?.finalizers ?? []).length > 0) {
        // Finalizers hold the object: mark it (once) and let their controllers finish.
        if (old.metadata?.deletionTimestamp !== undefined) return old
        const marked: ReplicaSet = { ...old, metadata: { ...old.metadata, deletionTimestamp: rfc3339(this.clock.now()), deletionGracePeriodSeconds: 0 } }
        const value = encodeObject(marked)
        const written = await this.writeIfUnchanged(key, current, { type: 'put', key, value })
        if (written.ok) return decodeObject(value, written.revision)
        current = written.current
      } else {
        const written = await this.writeIfUnchanged(key, current, { type: 'deleteRange', key })
        if (written.ok) return old
        current = written.current
      }
    }
  }

  /** BeforeCreate and validation: a private copy with everything the server owns filled in. */
  protected prepareCreate(namespace: string, rs: ReplicaSet): DraftReplicaSet {
    const obj = this.fromRequest(rs, namespace)
    const meta = obj.metadata
    if (meta.resourceVersion) throw newBadRequest('resourceVersion should not be set on objects to be created')
    defaultReplicaSet(obj)
    obj.status = { replicas: 0 }
    delete meta.deletionTimestamp
    delete meta.deletionGracePeriodSeconds
    meta.uid = newUid(this.random)
    meta.creationTimestamp = rfc3339(this.clock.now())
    if (!meta.name && meta.generateName) meta.name = generateName(meta.generateName, this.random)
    meta.generation = 1
    const errors = [...validateName(meta), ...validateReplicaSetExceptName(obj)]
    if (errors.length > 0) throw newInvalid(REPLICA_SET_KIND, meta.name ?? '', errors)
    return obj
  }

  /** GuaranteedUpdate: decide on what is stored, write only if it is still stored, else decide again. */
  protected async guaranteedUpdate(namespace: string, rs: ReplicaSet, subresource: Subresource): Promise<ReplicaSet> {
    const name = rs.metadata?.name ?? ''
    const key = replicaSetKey(namespace, name)
    let current = await this.read(key)
    for (;;) {
      if (current === undefined) throw newNotFound(REPLICA_SETS, name)
      const decision = this.decide(current, this.fromRequest(rs, namespace), subresource)
      if (decision.type === 'unchanged') return current.obj
      const value = decision.type === 'write' ? encodeObject(decision.obj) : ''
      const op: RequestOp = decision.type === 'write' ? { type: 'put', key, value } : { type: 'deleteRange', key }
      const written = await this.writeIfUnchanged(key, current, op)
      if (written.ok) return decision.type === 'write' ? decodeObject(value, written.revision) : current.obj
      current = written.current
    }
  }

  /** One pass of an update: optimistic concurrency, BeforeUpdate, validation, then what to write. */
  protected decide(current: Current, next: DraftReplicaSet, subresource: Subresource): Decision {
    const old = current.obj
    const name = old.metadata!.name!
    const requested = next.metadata?.resourceVersion
    if (requested && this.isStale(requested, current)) throw newConflict(REPLICA_SETS, name, optimisticLockErrorMsg)
    defaultReplicaSet(next)
    this.beforeUpdate(next, old, subresource)
    const errors = subresource === 'main' ? validateReplicaSetUpdate(next, old) : validateReplicaSetStatusUpdate(next, old)
    if (errors.length > 0) throw newInvalid(REPLICA_SET_KIND, name, errors)
    // An object being deleted goes as soon as nothing holds it any more.
    if (old.metadata?.deletionTimestamp !== undefined && (next.metadata?.finalizers ?? []).length === 0) return { type: 'delete' }
    if (sameApartFromResourceVersion(next, old)) return { type: 'unchanged' }
    return { type: 'write', obj: next }
  }

  /** The request body as the server decodes it: a private copy, typed, in the request's namespace. */
  protected fromRequest(rs: ReplicaSet, namespace: string): DraftReplicaSet {
    const obj = JSON.parse(JSON.stringify(rs)) as DraftReplicaSet
    obj.apiVersion = REPLICA_SET_API_VERSION
    obj.kind = 'ReplicaSet'
    obj.metadata = { ...obj.metadata, namespace }
    return obj
  }

  /** A resourceVersion is current only if it is exactly the key's mod revision. */
  protected isStale(requested: string, current: Current): boolean {
    return requested !== String(current.modRevision)
  }

  /** What the client may not change: identity, generation, deletion, and status (or spec on /status). */
  protected beforeUpdate(next: DraftReplicaSet, old: ReplicaSet, subresource: Subresource): void {
    const meta = next.metadata
    const oldMeta = old.metadata!
    meta.generation = oldMeta.generation
    if (subresource === 'main') next.status = old.status
    else next.spec = old.spec
    if (!meta.uid) meta.uid = oldMeta.uid
    meta.creationTimestamp = oldMeta.creationTimestamp
    if (oldMeta.deletionTimestamp === undefined) {
      delete meta.deletionTimestamp
      delete meta.deletionGracePeriodSeconds
    } else {
      meta.deletionTimestamp = oldMeta.deletionTimestamp
      meta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds
    }
    if (subresource === 'main' && !deepEqualJson(next.spec, old.spec)) meta.generation = (oldMeta.generation ?? 0) + 1
  }

  protected async read(key: string): Promise<Current | undefined> {
    return fromRange((await this.store.range({ key })).kvs[0])
  }

  /** Run `op` if the key's mod revision is still the one read; else return what is there now. */
  protected async writeIfUnchanged(key: string, current: Current, op: RequestOp): Promise<{ ok: true; revision: number } | { ok: false; current: Current | undefined }> {
    const response = await this.store.txn({
      compare: [{ key, target: 'mod', result: '=', operand: current.modRevision }],
      success: [op],
      failure: [{ type: 'range', key }],
    })
    if (response.succeeded) return { ok: true, revision: response.header.revision }
    return { ok: false, current: fromRangeResponse(response.responses[0]) }
  }
}

/** metadata.name: required, and a DNS-1123 subdomain (the generic name rule most kinds use). */
function validateName(meta: ObjectMeta): FieldErrorList {
  if (!meta.name) return [required('metadata.name', 'name or generateName is required')]
  return isDNS1123Subdomain(meta.name).map((msg) => invalid('metadata.name', meta.name, msg))
}

function sameApartFromResourceVersion(a: ReplicaSet, b: ReplicaSet): boolean {
  const strip = (o: ReplicaSet) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } })
  return deepEqualJson(strip(a), strip(b))
}

function fromRange(kv: { key: string; value: string; modRevision: number; createRevision: number } | undefined): Current | undefined {
  return kv === undefined ? undefined : { obj: decodeObject<ReplicaSet>(kv.value, kv.modRevision), modRevision: kv.modRevision, createRevision: kv.createRevision }
}

function fromRangeResponse(op: ResponseOp | undefined): Current | undefined {
  return op?.type === 'range' ? fromRange(op.kvs[0]) : undefined
}
