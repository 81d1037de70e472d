// Wrong: removing the last finalizer of an object being deleted just writes the object, which then lingers forever with a deletionTimestamp and nothing left to delete it.
import type { DraftReplicaSet } from '../../../src/api/registry/replica-set-rules.ts'
import { ReplicaSetRegistry as Solution, type Current, type Decision, type Subresource } from '../registry.ts'

export type { RegistryOptions } from '../registry.ts'

export class ReplicaSetRegistry extends Solution {
  protected override decide(current: Current, next: DraftReplicaSet, subresource: Subresource): Decision {
    const decision = super.decide(current, next, subresource)
    return decision.type === 'delete' ? { type: 'write', obj: next } : decision
  }
}
