// Wrong: writes on every update, even when nothing changed, so a no-op update moves the resourceVersion (and wakes every watcher).
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import type { DraftReplicaSet } from '../../../src/api/registry/replica-set-rules.ts'
import { ReplicaSetRegistry as Solution, type Current, type Decision, type Subresource } from '../registry.ts'

export type { RegistryOptions } from '../registry.ts'

export class ReplicaSetRegistry extends Solution {
  protected override decide(current: Current, next: DraftReplicaSet, subresource: Subresource): Decision {
    const decision = super.decide(current, next, subresource)
    return decision.type === 'unchanged' ? { type: 'write', obj: next as ReplicaSet } : decision
  }
}
