// Wrong: refuses a bad name with 400 BadRequest instead of 422 Invalid with a cause for metadata.name, so clients cannot tell which field to fix.
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import { newBadRequest } from '../../../src/api/errors/api-errors.ts'
import type { DraftReplicaSet } from '../../../src/api/registry/replica-set-rules.ts'
import { isDNS1123Subdomain } from '../../../src/api/validation/names.ts'
import { ReplicaSetRegistry as Solution } from '../registry.ts'

export type { RegistryOptions } from '../registry.ts'

export class ReplicaSetRegistry extends Solution {
  protected override prepareCreate(namespace: string, rs: ReplicaSet): DraftReplicaSet {
    const name = rs.metadata?.name
    if (name && isDNS1123Subdomain(name).length > 0) throw newBadRequest(`invalid name ${JSON.stringify(name)}`)
    return super.prepareCreate(namespace, rs)
  }
}
