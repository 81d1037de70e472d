// Wrong: checks for AlreadyExists with a read before a plain put, so two racing creates of one name both "succeed" and the second silently replaces the first.
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import { newAlreadyExists } from '../../../src/api/errors/api-errors.ts'
import { REPLICA_SETS, replicaSetKey } from '../../../src/api/registry/replica-set-rules.ts'
import { decodeObject, encodeObject } from '../../../src/api/storage/object-json.ts'
import { ReplicaSetRegistry as Solution } from '../registry.ts'

export type { RegistryOptions } from '../registry.ts'

export class ReplicaSetRegistry extends Solution {
  override async create(namespace: string, rs: ReplicaSet): Promise<ReplicaSet> {
    const obj = this.prepareCreate(namespace, rs)
    const name = obj.metadata.name!
    const key = replicaSetKey(namespace, name)
    if ((await this.read(key)) !== undefined) throw newAlreadyExists(REPLICA_SETS, name)
    const value = encodeObject(obj)
    const response = await this.store.put({ key, value })
    return decodeObject(value, response.header.revision)
  }
}
