// What the generic registry needs to know about one kind: how to default it, prepare it for a
// create or an update, validate it, and which update rules apply. One strategy per kind, each a
// plain object; the registry (generic-registry.ts) runs them in Kubernetes' order.
// Mirrors RESTCreateStrategy / RESTUpdateStrategy / RESTDeleteStrategy / RESTGracefulDeleteStrategy
// in staging/src/k8s.io/apiserver/pkg/registry/rest/{create,update,delete}.go, with defaulting
// (done by the scheme on decode in the real server) folded in as `default`.
import type { FieldErrorList } from '../errors/field-errors.ts'
import type { AnyObject } from './object.ts'

export interface StrategyContext {
  /** Milliseconds, from the server's clock. */
  readonly now: number
}

export interface ResourceStrategy<T extends AnyObject = AnyObject> {
  /** Fill in omitted fields (SetDefaults_*). Mutates the object. */
  default(obj: T): void
  /** Reset fields a create may not set (status, usually). Mutates the object. */
  prepareForCreate(obj: T, ctx: StrategyContext): void
  /** Carry over what a main-resource update may not change (status, usually). Mutates `next`. */
  prepareForUpdate(next: T, old: T): void
  validate(obj: T): FieldErrorList
  validateUpdate(next: T, old: T): FieldErrorList
  /** metadata.generation is 1 on create and moves by one on each spec change. */
  readonly tracksGeneration: boolean
  /** An update of a missing object creates it (Lease, Event). */
  readonly allowCreateOnUpdate: boolean
  /** An update without metadata.resourceVersion is applied to the latest version. */
  readonly allowUnconditionalUpdate: boolean
  /** The status subresource, when the kind has one. */
  readonly status?: StatusStrategy<T>
  /** The finalize subresource (namespaces: only spec.finalizers changes). */
  readonly finalize?: StatusStrategy<T>
  /** Beyond metadata.finalizers, whether the object still waits for something before it may go (a namespace's spec.finalizers). */
  pendingFinalization?(obj: T): boolean
  /** Changes a delete makes when it must wait (a namespace turns Terminating). Mutates the object. */
  prepareForPendingDelete?(obj: T): void
  /** For kinds with graceful deletion (pods): the grace period a delete without one gets, or 0 to delete at once. */
  gracePeriodSeconds?(obj: T, requested: number | undefined): number
}

export interface StatusStrategy<T extends AnyObject = AnyObject> {
  /** Carry over everything a status update may not change. Mutates `next`. */
  prepareForUpdate(next: T, old: T): void
  validateUpdate(next: T, old: T): FieldErrorList
}

/** The usual main-resource update rule for kinds with a status subresource: status is kept. */
export function keepStatus<T extends AnyObject>(next: T, old: T): void {
  if (old.status === undefined) delete next.status
  else next.status = old.status
}

/** The usual status-update rule: spec is kept, and owner references too (pod/status does this). */
export function keepSpec<T extends AnyObject>(next: T, old: T): void {
  if (old.spec === undefined) delete next.spec
  else next.spec = old.spec
  if (old.metadata?.ownerReferences === undefined) delete next.metadata?.ownerReferences
  else if (next.metadata) next.metadata.ownerReferences = old.metadata.ownerReferences
}

/** A strategy with the defaults most kinds share; pass what differs. */
export function strategy<T extends AnyObject>(parts: Partial<ResourceStrategy<T>> & Pick<ResourceStrategy<T>, 'validate' | 'validateUpdate'>): ResourceStrategy<T> {
  return {
    default: () => {},
    prepareForCreate: () => {},
    prepareForUpdate: () => {},
    tracksGeneration: false,
    allowCreateOnUpdate: false,
    allowUnconditionalUpdate: true,
    ...parts,
  }
}
