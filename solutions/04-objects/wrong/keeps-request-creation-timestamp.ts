// Wrong: on create, fills in creationTimestamp only when the request has none, so re-creating an object from a saved copy keeps the old timestamp.
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import type { DraftReplicaSet } from '../../../src/api/registry/replica-set-rules.ts'
import { ReplicaSetRegistry as Solution } from '../registry.ts'

export type { RegistryOptions } from '../registry.ts'

export class ReplicaSetRegistry extends Solution {
  protected override prepareCreate(namespace: string, rs: ReplicaSet): DraftReplicaSet {
    const obj = super.prepareCreate(namespace, rs)
    if (rs.metadata?.creationTimestamp) obj.metadata.creationTimestamp = rs.metadata.creationTimestamp
    return obj
  }
}
