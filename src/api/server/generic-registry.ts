// The generic registry of one resource: create, get, update (main resource and subresources) and
// delete with Kubernetes' semantics, over EtcdStorage and the cacher.
// - create: defaults, mutating admission, BeforeCreate (status reset, uid, creationTimestamp,
//   generateName, generation 1), validation, validating admission, a create-if-absent write.
// - update: the new object must carry the current resourceVersion (409 otherwise; none means
//   "whatever is current" where the kind allows it); BeforeUpdate keeps identity and generation,
//   the strategy keeps what the endpoint may not change (status on the main resource, spec on
//   /status), generation moves on spec changes only, a no-op writes nothing, and an object that
//   is being deleted and has lost its last finalizer is deleted.
// - delete: preconditions, graceful deletion (deletionTimestamp + deletionGracePeriodSeconds),
//   finalizers (the object stays until they are gone), propagation finalizers, else removal.
// Mirrors Create, Update, Delete, shouldDeleteDuringUpdate, updateForGracefulDeletionAndFinalizers
// in staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go, BeforeCreate /
// BeforeUpdate / BeforeDelete in staging/src/k8s.io/apiserver/pkg/registry/rest/.
import type { ObjectMeta } from 'kubernetes-types/meta/v1'
import type { Random } from '../../sim/random.ts'
import type { Clock } from '../../sim/clock.ts'
import type { AdmissionChain } from '../admission/chain.ts'
import type { AdmissionAttributes } from '../admission/interfaces.ts'
import { newBadRequest, newConflict, newInvalid, newNotFound, optimisticLockErrorMsg } from '../errors/api-errors.ts'
import { deepEqualJson, invalid } from '../errors/field-errors.ts'
import { isApiError } from '../errors/status.ts'
import type { Cacher } from '../cacher/cacher.ts'
import { privateCopy, rfc3339, type AnyObject, type KubeObject, type Mutable } from '../registry/object.ts'
import { objectKey, type ResourceInfo } from '../registry/resource-info.ts'
import type { StatusStrategy } from '../registry/strategy.ts'
import type { EtcdStorage, StoredObject, UpdateDecision } from '../storage/etcd-storage.ts'
import { generateName, newUid } from './identity.ts'

export interface DeleteOptions {
  /** Seconds before the object is removed (pods); 0 deletes at once. */
  readonly gracePeriodSeconds?: number
  readonly preconditions?: { readonly uid?: string; readonly resourceVersion?: string }
  readonly propagationPolicy?: 'Orphan' | 'Background' | 'Foreground'
}

export interface UpdateOptions {
  /** '' (the main resource), 'status' or 'finalize'. */
  readonly subresource?: string
}

/** Hooks for kinds whose create/delete touch other state (Service IP allocation). */
export interface RegistryHooks {
  /** Called after validation, before the write; returns a function told whether the write happened. */
  beginCreate?(obj: AnyObject): (committed: boolean) => void
  afterDelete?(obj: KubeObject): void
}

export interface RegistryContext {
  readonly clock: Clock
  readonly random: Random
  readonly admission: AdmissionChain
  readonly cacher: Cacher
}

const GENERATE_NAME_RETRIES = 8

export class GenericRegistry {
  readonly info: ResourceInfo
  readonly storage: EtcdStorage
  readonly #ctx: RegistryContext
  readonly #hooks: RegistryHooks

  constructor(info: ResourceInfo, storage: EtcdStorage, ctx: RegistryContext, hooks: RegistryHooks = {}) {
    this.info = info
    this.storage = storage
    this.#ctx = ctx
    this.#hooks = hooks
  }

  key(namespace: string, name: string): string {
    return objectKey(this.info, namespace, name)
  }

  /** The object as the cache has it, as a GuaranteedUpdate starting point. */
  cached(namespace: string, name: string): StoredObject | undefined {
    const obj = this.#ctx.cacher.get(this.info, this.key(namespace, name))
    return obj === undefined ? undefined : { obj, revision: Number(obj.metadata!.resourceVersion) }
  }

  async create(namespace: string, input: KubeObject): Promise<KubeObject> {
    const obj = this.#decode(input, namespace)
    if (obj.metadata?.resourceVersion) throw newBadRequest('resourceVersion should not be set on objects to be created')
    this.info.strategy.default(obj)
    this.#ctx.admission.admit(this.#createAttributes(obj, namespace))
    this.#beforeCreate(obj)
    const generated = !input.metadata?.name && !!obj.metadata?.generateName
    for (let attempt = 0; ; attempt++) {
      this.#validateCreate(obj)
      this.#ctx.admission.validate(this.#createAttributes(obj, namespace))
      const commit = this.#hooks.beginCreate?.(obj)
      try {
        const stored = await this.storage.create(this.key(namespace, obj.metadata!.name!), obj, obj.metadata!.name!)
        commit?.(true)
        return stored
      } catch (error) {
        commit?.(false)
        if (!(generated && isApiError(error, 'AlreadyExists') && attempt < GENERATE_NAME_RETRIES)) throw error
        obj.metadata!.name = generateName(obj.metadata!.generateName!, this.#ctx.random)
      }
    }
  }

  /**
   * Update through `transform`, which gets the current object and returns the desired one (the
   * caller's object for an update, the patched object for a patch).
   */
  async update(namespace: string, name: string, transform: (current: KubeObject | undefined) => KubeObject, options: UpdateOptions = {}): Promise<KubeObject> {
    const subresource = options.subresource ?? ''
    const strategy = this.info.strategy
    const sub: StatusStrategy | undefined = subresource === '' ? undefined : (strategy as unknown as Record<string, StatusStrategy | undefined>)[subresource]
    if (subresource !== '' && sub === undefined) throw newNotFound(this.info.groupResource, `${name}/${subresource}`)
    const key = this.key(namespace, name)
    let deleting = false
    const result = await this.storage.guaranteedUpdate(
      key,
      (current): UpdateDecision => {
        deleting = false
        if (current === undefined) {
          if (!strategy.allowCreateOnUpdate || subresource !== '') throw newNotFound(this.info.groupResource, name)
          const obj = this.#decode(transform(undefined), namespace)
          this.#checkName(obj, name)
          if (obj.metadata?.resourceVersion) throw newNotFound(this.info.groupResource, name)
          strategy.default(obj)
          this.#ctx.admission.admit({ operation: 'CREATE', resource: this.info, subresource: '', namespace, name, object: obj, oldObject: undefined })
          this.#beforeCreate(obj)
          this.#validateCreate(obj)
          this.#ctx.admission.validate({ operation: 'CREATE', resource: this.info, subresource: '', namespace, name, object: obj, oldObject: undefined })
          return { type: 'write', obj }
        }
        const old = current.obj as AnyObject
        const obj = this.#decode(transform(old), namespace)
        this.#checkName(obj, name)
        const rv = obj.metadata?.resourceVersion
        if (rv === undefined || rv === '') {
          if (!strategy.allowUnconditionalUpdate) {
            throw newInvalid(this.info.groupKind, name, [invalid('metadata.resourceVersion', 0, 'must be specified for an update')])
          }
        } else if (rv !== String(current.revision)) {
          throw newConflict(this.info.groupResource, name, optimisticLockErrorMsg)
        }
        strategy.default(obj)
        const attrs: AdmissionAttributes = { operation: 'UPDATE', resource: this.info, subresource, namespace, name, object: obj, oldObject: old }
        this.#ctx.admission.admit(attrs)
        this.#beforeUpdate(obj, old, sub)
        const errors = sub === undefined ? strategy.validateUpdate(obj, old) : sub.validateUpdate(obj, old)
        if (errors.length > 0) throw newInvalid(this.info.groupKind, name, errors)
        this.#ctx.admission.validate(attrs)
        if (this.#shouldDeleteDuringUpdate(obj, old)) {
          deleting = true
          return { type: 'delete' }
        }
        if (sameObject(obj, old)) return { type: 'unchanged' }
        return { type: 'write', obj }
      },
      this.cached(namespace, name),
    )
    if (result.obj === undefined) throw newNotFound(this.info.groupResource, name)
    if (deleting && result.written) this.#hooks.afterDelete?.(result.obj)
    return result.obj
  }

  /** Delete, or start a graceful / finalizer-held deletion; returns the object's last or current state. */
  async delete(namespace: string, name: string, options: DeleteOptions = {}): Promise<KubeObject> {
    const key = this.key(namespace, name)
    const strategy = this.info.strategy
    let deleted = false
    const result = await this.storage.guaranteedUpdate(
      key,
      (current): UpdateDecision => {
        deleted = false
        if (current === undefined) throw newNotFound(this.info.groupResource, name)
        const old = current.obj as AnyObject
        const pre = options.preconditions
        if (pre?.uid !== undefined && pre.uid !== old.metadata?.uid) {
          throw newConflict(this.info.groupResource, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata?.uid ?? ''}`)
        }
        if (pre?.resourceVersion !== undefined && pre.resourceVersion !== String(current.revision)) {
          throw newConflict(this.info.groupResource, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.revision}`)
        }
        this.#ctx.admission.admit({ operation: 'DELETE', resource: this.info, subresource: '', namespace, name, object: undefined, oldObject: old })
        const grace = strategy.gracePeriodSeconds ? strategy.gracePeriodSeconds(old, options.gracePeriodSeconds) : 0
        const meta: ObjectMeta = { ...old.metadata }
        let finalizers = meta.finalizers ?? []
        if (options.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers = [...finalizers, 'orphan']
        if (options.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers = [...finalizers, 'foregroundDeletion']
        const pending = finalizers.length > 0 || (strategy.pendingFinalization?.(old) ?? false)
        const now = this.#ctx.clock.now()
        if (old.metadata?.deletionTimestamp !== undefined) {
          // Already being deleted: a delete may only shorten the grace period.
          const currentGrace = old.metadata.deletionGracePeriodSeconds ?? 0
          if (grace >= currentGrace) {
            if (pending || currentGrace > 0) return sameFinalizers(finalizers, old) ? { type: 'unchanged' } : { type: 'write', obj: { ...old, metadata: { ...meta, finalizers } } }
          } else if (grace > 0 || pending) {
            const deletionTimestamp = grace > 0 ? rfc3339(now + grace * 1000) : old.metadata.deletionTimestamp
            return { type: 'write', obj: { ...old, metadata: { ...meta, finalizers, deletionTimestamp, deletionGracePeriodSeconds: grace } } }
          }
          deleted = true
          return { type: 'delete' }
        }
        if (grace > 0 || pending) {
          const next: AnyObject = {
            ...old,
            metadata: { ...meta, ...(finalizers.length > 0 ? { finalizers } : {}), deletionTimestamp: rfc3339(now + grace * 1000), deletionGracePeriodSeconds: grace },
          }
          strategy.prepareForPendingDelete?.(next)
          return { type: 'write', obj: next }
        }
        deleted = true
        return { type: 'delete' }
      },
      this.cached(namespace, name),
    )
    if (deleted && result.obj !== undefined) this.#hooks.afterDelete?.(result.obj)
    return result.obj!
  }

  #createAttributes(obj: AnyObject, namespace: string): AdmissionAttributes {
    return { operation: 'CREATE', resource: this.info, subresource: '', namespace, name: obj.metadata?.name ?? '', object: obj, oldObject: undefined }
  }

  #decode(input: KubeObject, namespace: string): AnyObject {
    let obj: AnyObject
    try {
      obj = privateCopy(input) as AnyObject
    } catch (error) {
      // What JSON cannot carry (a BigInt, a cycle) is a body no client could have sent: 400, as
      // the real server answers a body it cannot decode.
      throw newBadRequest(`the request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw newBadRequest('the object must be a JSON object')
    if (obj.apiVersion !== undefined && obj.apiVersion !== this.info.apiVersion) {
      throw newBadRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${this.info.apiVersion})`)
    }
    if (obj.kind !== undefined && obj.kind !== this.info.kind) {
      throw newBadRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${this.info.kind})`)
    }
    obj.apiVersion = this.info.apiVersion
    obj.kind = this.info.kind
    const meta = (obj.metadata ??= {})
    const requestNs = this.info.namespaced ? namespace : ''
    if (!meta.namespace || meta.namespace === requestNs) {
      if (requestNs === '') delete meta.namespace
      else meta.namespace = requestNs
    } else if (requestNs === '') {
      delete meta.namespace
    } else {
      throw newBadRequest('the namespace of the provided object does not match the namespace sent on the request')
    }
    return obj
  }

  #checkName(obj: AnyObject, name: string): void {
    const given = obj.metadata?.name
    if (given === undefined || given === '') obj.metadata!.name = name
    else if (given !== name) throw newBadRequest(`the name of the object (${given}) does not match the name on the URL (${name})`)
  }

  #beforeCreate(obj: AnyObject): void {
    const meta = obj.metadata as Mutable<ObjectMeta>
    delete meta.deletionTimestamp
    delete meta.deletionGracePeriodSeconds
    this.info.strategy.prepareForCreate(obj, { now: this.#ctx.clock.now() })
    meta.uid = newUid(this.#ctx.random)
    meta.creationTimestamp = rfc3339(this.#ctx.clock.now())
    if (!meta.name && meta.generateName) meta.name = generateName(meta.generateName, this.#ctx.random)
    if (this.info.strategy.tracksGeneration) meta.generation = 1
  }

  #validateCreate(obj: AnyObject): void {
    const errors = this.info.strategy.validate(obj)
    if (errors.length > 0) throw newInvalid(this.info.groupKind, obj.metadata?.name ?? '', errors)
  }

  #beforeUpdate(obj: AnyObject, old: AnyObject, sub: StatusStrategy | undefined): void {
    const meta = obj.metadata as Mutable<ObjectMeta>
    const oldMeta = old.metadata ?? {}
    if (oldMeta.generation === undefined) delete meta.generation
    else meta.generation = oldMeta.generation
    if (sub === undefined) this.info.strategy.prepareForUpdate(obj, old)
    else sub.prepareForUpdate(obj, old)
    if (!meta.uid) meta.uid = oldMeta.uid
    if (oldMeta.creationTimestamp !== undefined) meta.creationTimestamp = oldMeta.creationTimestamp
    if (oldMeta.deletionTimestamp !== undefined) meta.deletionTimestamp = oldMeta.deletionTimestamp
    else delete meta.deletionTimestamp
    if (oldMeta.deletionGracePeriodSeconds !== undefined) meta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds
    else delete meta.deletionGracePeriodSeconds
    if (sub === undefined && this.info.strategy.tracksGeneration && !deepEqualJson(obj.spec, old.spec)) meta.generation = (oldMeta.generation ?? 0) + 1
  }

  /** An object being deleted with a finished grace period goes once nothing holds it (store.go's shouldDeleteDuringUpdate). */
  #shouldDeleteDuringUpdate(obj: AnyObject, old: AnyObject): boolean {
    if (old.metadata?.deletionTimestamp === undefined || old.metadata.deletionGracePeriodSeconds !== 0) return false
    return (obj.metadata?.finalizers ?? []).length === 0 && !(this.info.strategy.pendingFinalization?.(obj) ?? false)
  }
}

function sameFinalizers(finalizers: readonly string[], old: AnyObject): boolean {
  return deepEqualJson(finalizers, old.metadata?.finalizers ?? [])
}

/** Equal apart from resourceVersion: such an update writes nothing (GuaranteedUpdate's no-op check). */
function sameObject(a: AnyObject, b: AnyObject): boolean {
  return deepEqualJson({ ...a, metadata: { ...a.metadata, resourceVersion: undefined } }, { ...b, metadata: { ...b.metadata, resourceVersion: undefined } })
}
