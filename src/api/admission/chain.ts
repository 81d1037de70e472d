// The admission chain: every mutating plugin in order, then every validating plugin in order.
// Mirrors chainAdmissionHandler in staging/src/k8s.io/apiserver/pkg/admission/chain.go and the
// mutating-then-validating split of the apiserver's handlers.
import type { AdmissionAttributes, MutatingAdmissionPlugin, ValidatingAdmissionPlugin } from './interfaces.ts'

export class AdmissionChain {
  readonly mutating: readonly MutatingAdmissionPlugin[]
  readonly validating: readonly ValidatingAdmissionPlugin[]

  constructor(mutating: readonly MutatingAdmissionPlugin[], validating: readonly ValidatingAdmissionPlugin[]) {
    this.mutating = mutating
    this.validating = validating
  }

  admit(attributes: AdmissionAttributes): void {
    for (const plugin of this.mutating) if (plugin.handles(attributes.operation)) plugin.admit(attributes)
  }

  validate(attributes: AdmissionAttributes): void {
    for (const plugin of this.validating) if (plugin.handles(attributes.operation)) plugin.validate(attributes)
  }
}
