// Wrong: an update of the main resource takes the status from the request instead of keeping the stored status.
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import type { DraftReplicaSet } from '../../../src/api/registry/replica-set-rules.ts'
import { ReplicaSetRegistry as Solution, type Subresource } from '../registry.ts'

export type { RegistryOptions } from '../registry.ts'

export class ReplicaSetRegistry extends Solution {
  protected override beforeUpdate(next: DraftReplicaSet, old: ReplicaSet, subresource: Subresource): void {
    const requested = next.status
    super.beforeUpdate(next, old, subresource)
    if (subresource === 'main') next.status = requested
  }
}
