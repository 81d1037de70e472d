// Wrong: bumps metadata.generation on every update of the main resource, even one that changes only metadata (an annotation, a finalizer) or nothing in the spec.
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import type { DraftReplicaSet } from '../../../src/api/registry/replica-set-rules.ts'
import { ReplicaSetRegistry as Solution, type Subresource } from '../registry.ts'

export type { RegistryOptions } from '../registry.ts'

export class ReplicaSetRegistry extends Solution {
  protected override beforeUpdate(next: DraftReplicaSet, old: ReplicaSet, subresource: Subresource): void {
    super.beforeUpdate(next, old, subresource)
    if (subresource === 'main') next.metadata.generation = (old.metadata?.generation ?? 0) + 1
  }
}
