// Admission: after a request is decoded and before it is stored, an ordered chain of plugins may
// change the object (mutating plugins, all first) and then may refuse it (validating plugins).
// A plugin refuses by throwing an ApiError (usually Forbidden or NotFound).
// Mirrors admission.Interface / MutationInterface / ValidationInterface / Attributes in
// staging/src/k8s.io/apiserver/pkg/admission/interfaces.go.
import type { KubeObject } from '../registry/object.ts'
import type { ResourceInfo } from '../registry/resource-info.ts'

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT'

export interface AdmissionAttributes {
  readonly operation: Operation
  readonly resource: ResourceInfo
  /** '' for the main resource, else `status`, `binding`, `finalize`... */
  readonly subresource: string
  readonly namespace: string
  readonly name: string
  /** The incoming object (mutable for mutating plugins); absent on DELETE. */
  readonly object: KubeObject | undefined
  readonly oldObject: KubeObject | undefined
}

export interface AdmissionPlugin {
  readonly name: string
  /** Whether the plugin looks at requests of this operation at all. */
  handles(operation: Operation): boolean
}

export interface MutatingAdmissionPlugin extends AdmissionPlugin {
  /** May change `attributes.object`; throws an ApiError to refuse. */
  admit(attributes: AdmissionAttributes): void
}

export interface ValidatingAdmissionPlugin extends AdmissionPlugin {
  /** Throws an ApiError to refuse; must not change anything. */
  validate(attributes: AdmissionAttributes): void
}
