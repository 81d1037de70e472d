// What the generic registry knows about one kind, written out for ReplicaSets so that a registry
// built by hand (lesson 04) can apply it: where the object lives in etcd, the names errors use,
// defaulting, and validation. Validation comes in the three pieces the registry calls at three
// moments: on create (everything except the object's name, which the registry checks itself), on
// an update of the main resource, and on an update of the status subresource.
// Mirrors pkg/registry/apps/replicaset/strategy.go (Validate, ValidateUpdate, the status strategy's
// ValidateUpdate) over pkg/apis/apps/validation/validation.go (ValidateReplicaSet,
// ValidateReplicaSetUpdate) and the defaulting of pkg/apis/apps/v1/defaults.go; the key layout is
// NamespaceKeyFunc in staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go.
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import type { ObjectMeta } from 'kubernetes-types/meta/v1'
import type { GroupKind, GroupResource } from '../errors/api-errors.ts'
import type { FieldErrorList } from '../errors/field-errors.ts'
import { validateReplicaSet, validateReplicaSetUpdate as validateUpdate } from '../validation/apps.ts'
import { validateObjectMetaUpdate } from '../validation/object-meta.ts'
import type { Mutable } from './object.ts'
import { replicaSets } from './other-resources.ts'
import { objectKey } from './resource-info.ts'

export { defaultReplicaSet } from '../defaults/apps.ts'

/** A ReplicaSet being filled in by the server: its top-level and metadata fields are writable. */
export type DraftReplicaSet = Mutable<Omit<ReplicaSet, 'metadata'>> & { metadata: Mutable<ObjectMeta> }

/** `replicasets.apps`: what NotFound, AlreadyExists and Conflict name. */
export const REPLICA_SETS: GroupResource = replicaSets.groupResource
/** `ReplicaSet.apps`: what Invalid names. */
export const REPLICA_SET_KIND: GroupKind = replicaSets.groupKind
export const REPLICA_SET_API_VERSION = 'apps/v1'

/** The etcd key of one ReplicaSet: `/registry/replicasets/<namespace>/<name>`. */
export function replicaSetKey(namespace: string, name: string): string {
  return objectKey(replicaSets, namespace, name)
}

const NAME_FIELDS = new Set(['metadata.name', 'metadata.generateName'])

/**
 * Every problem a new ReplicaSet can have except those of metadata.name and metadata.generateName:
 * namespace, labels, annotations, finalizers, replicas, selector, template. Run it after defaulting.
 */
export function validateReplicaSetExceptName(rs: ReplicaSet): FieldErrorList {
  return validateReplicaSet(rs).filter((e) => !NAME_FIELDS.has(e.field))
}

/** An update of the main resource: identity unchanged, the new object valid, the selector unchanged. */
export function validateReplicaSetUpdate(next: ReplicaSet, old: ReplicaSet): FieldErrorList {
  return validateUpdate(next, old)
}

/** An update of the status subresource: only the metadata rules (identity unchanged, no new finalizers while deleting). */
export function validateReplicaSetStatusUpdate(next: ReplicaSet, old: ReplicaSet): FieldErrorList {
  return validateObjectMetaUpdate(next.metadata, old.metadata)
}
