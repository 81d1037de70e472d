// Lesson 04 — the heart of kube-apiserver's generic registry, for ReplicaSets: create, get,
// update, updateStatus and delete, written straight onto the etcd-style key-value store.
// `npm run lesson -- grade 04` grades it against the reference API server (src/api).
//
// Everything that is not this lesson's point is imported below, from the reference engine:
// defaulting and most validation, the error constructors, uid and name generation, timestamps,
// and the encode/decode pair that keeps resourceVersion out of stored values.
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import type { ObjectMeta } from 'kubernetes-types/meta/v1'
import type { Clock } from '../../src/sim/clock.ts'
import type { Random } from '../../src/sim/random.ts'
import type { KeyValueStore } from '../../src/store/index.ts'
import { NotImplemented } from '../../harness/grading/not-implemented.ts'
// newNotFound(REPLICA_SETS, name), newAlreadyExists(REPLICA_SETS, name),
// newConflict(REPLICA_SETS, name, optimisticLockErrorMsg), newInvalid(REPLICA_SET_KIND, name, fieldErrors),
// newBadRequest(message): each returns an ApiError carrying the exact Status the real server sends.
import { newAlreadyExists, newBadRequest, newConflict, newInvalid, newNotFound, optimisticLockErrorMsg } from '../../src/api/errors/api-errors.ts'
// required(field, detail) and invalid(field, value, detail) build field errors (one cause each);
// deepEqualJson(a, b) compares two JSON values by content, ignoring key order.
import { deepEqualJson, invalid, required, type FieldErrorList } from '../../src/api/errors/field-errors.ts'
// rfc3339(ms): a timestamp as Kubernetes writes it ("2024-01-01T00:00:05Z"); pass it clock.now().
import { rfc3339 } from '../../src/api/registry/object.ts'
// The ReplicaSet's own rules: its etcd key, its names for errors, defaulting, and validation.
import {
  REPLICA_SETS,
  REPLICA_SET_API_VERSION,
  REPLICA_SET_KIND,
  defaultReplicaSet,
  replicaSetKey,
  validateReplicaSetExceptName,
  validateReplicaSetStatusUpdate,
  validateReplicaSetUpdate,
  type DraftReplicaSet,
} from '../../src/api/registry/replica-set-rules.ts'
// newUid(random) and generateName(base, random): a random uid, and base + 5 random characters.
import { generateName, newUid } from '../../src/api/server/identity.ts'
// encodeObject(obj): the value to store (JSON without metadata.resourceVersion).
// decodeObject(value, modRevision): the object back, with resourceVersion = String(modRevision).
import { decodeObject, encodeObject } from '../../src/api/storage/object-json.ts'
// isDNS1123Subdomain(name): the problems with a name, in apimachinery's words ([] when valid).
import { isDNS1123Subdomain } from '../../src/api/validation/names.ts'

export interface RegistryOptions {
  /** The key-value store (etcd's API): range, put, deleteRange, and txn with compares. */
  readonly store: KeyValueStore
  /** The server's clock: creationTimestamp and deletionTimestamp come from `clock.now()`. */
  readonly clock: Clock
  /** The server's random source: uids and generated names come from it. */
  readonly random: Random
}

/**
 * The ReplicaSets of every namespace, stored under `replicaSetKey(namespace, name)`. Every method
 * resolves to an object whose metadata.resourceVersion is the mod revision of the key's last
 * write, or rejects with an ApiError. Never change the objects you are given.
 *
 * Several registries may share one store (a real cluster runs several kube-apiservers over one
 * etcd), so the only lock you have is a txn's compare.
 */
export class ReplicaSetRegistry {
  protected readonly store: KeyValueStore
  protected readonly clock: Clock
  protected readonly random: Random

  constructor(options: RegistryOptions) {
    this.store = options.store
    this.clock = options.clock
    this.random = options.random
  }

  /**
   * POST: store a new ReplicaSet in `namespace` and return it as stored.
   *
   * 1. Work on a private copy with apiVersion `apps/v1`, kind `ReplicaSet`, metadata.namespace = `namespace`.
   *    A request that carries metadata.resourceVersion is a 400:
   *    newBadRequest('resourceVersion should not be set on objects to be created').
   * 2. defaultReplicaSet(copy).
   * 3. What the server owns (BeforeCreate): status = { replicas: 0 }; no deletionTimestamp or
   *    deletionGracePeriodSeconds; uid = newUid(random); creationTimestamp = rfc3339(clock.now());
   *    no name but a generateName → name = generateName(generateName, random); generation = 1.
   * 4. Validate: the name first (empty → required('metadata.name', 'name or generateName is required');
   *    else one invalid('metadata.name', name, message) per message of isDNS1123Subdomain(name)),
   *    then validateReplicaSetExceptName(copy). Any error → newInvalid(REPLICA_SET_KIND, name, errors)
   *    (name '' when there is none).
   * 5. Write only if the key does not exist — one txn whose compare is the key's mod revision = 0.
   *    If the compare fails: newAlreadyExists(REPLICA_SETS, name).
   * 6. Return the stored object: its resourceVersion is the revision of that write.
   */
  async create(namespace: string, rs: ReplicaSet): Promise<ReplicaSet> {
    throw new NotImplemented('create')
  }

  /** GET: the stored object, or newNotFound(REPLICA_SETS, name). */
  async get(namespace: string, name: string): Promise<ReplicaSet> {
    throw new NotImplemented('get')
  }

  /**
   * PUT: replace the object named by rs.metadata.name. Repeat until done (GuaranteedUpdate):
   *
   * 1. Read the key (missing → newNotFound). Take a private copy of `rs`, as in create.
   * 2. Optimistic concurrency: if the copy carries a non-empty metadata.resourceVersion that is not
   *    exactly the key's mod revision, reject with newConflict(REPLICA_SETS, name, optimisticLockErrorMsg).
   *    An empty resourceVersion means "whatever is stored now".
   * 3. defaultReplicaSet(copy), then what the client may not change (BeforeUpdate): generation,
   *    creationTimestamp, deletionTimestamp and deletionGracePeriodSeconds come from the stored
   *    object; so does uid when the copy has none; status is the stored status.
   *    generation = stored generation + 1 if the spec differs from the stored spec.
   * 4. validateReplicaSetUpdate(copy, stored) → newInvalid(REPLICA_SET_KIND, name, errors).
   * 5. Decide: if the stored object is being deleted and the copy has no finalizers left, delete the
   *    key and return the stored object. If the copy equals the stored object (apart from
   *    resourceVersion), write nothing and return the stored object. Otherwise write the copy.
   * 6. Write (or delete) in one txn comparing the key's mod revision with the one read in 1. If the
   *    compare fails someone else wrote in between: go back to 1 with what is stored now.
   */
  async update(namespace: string, rs: ReplicaSet): Promise<ReplicaSet> {
    throw new NotImplemented('update')
  }

  /**
   * PUT .../status: like update, except that the spec is the stored spec (whatever the copy says),
   * generation never moves, and validation is validateReplicaSetStatusUpdate(copy, stored).
   */
  async updateStatus(namespace: string, rs: ReplicaSet): Promise<ReplicaSet> {
    throw new NotImplemented('updateStatus')
  }

  /**
   * DELETE: missing → newNotFound. An object with finalizers is only marked: set deletionTimestamp
   * = rfc3339(clock.now()) and deletionGracePeriodSeconds = 0, write it, return it (if it is marked
   * already, write nothing and return it as stored). Without finalizers, delete the key and return
   * the object as it was last stored. Both writes compare the key's mod revision, and retry on a lost race.
   */
  async delete(namespace: string, name: string): Promise<ReplicaSet> {
    throw new NotImplemented('delete')
  }
}

/** A private, writable copy of a request body, typed and in the request's namespace (yours to use or delete). */
function requestCopy(rs: ReplicaSet, namespace: string): DraftReplicaSet {
  const copy = JSON.parse(JSON.stringify(rs)) as DraftReplicaSet
  copy.apiVersion = REPLICA_SET_API_VERSION
  copy.kind = 'ReplicaSet'
  copy.metadata = { ...copy.metadata, namespace }
  return copy
}
