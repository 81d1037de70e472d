// Wrong: deletes the key at once, even when the object has finalizers that should hold it until they are removed.
import type { ReplicaSet } from 'kubernetes-types/apps/v1'
import { newNotFound } from '../../../src/api/errors/api-errors.ts'
import { REPLICA_SETS, replicaSetKey } from '../../../src/api/registry/replica-set-rules.ts'
import { ReplicaSetRegistry as Solution } from '../registry.ts'

export type { RegistryOptions } from '../registry.ts'

export class ReplicaSetRegistry extends Solution {
  override async delete(namespace: string, name: string): Promise<ReplicaSet> {
    const key = replicaSetKey(namespace, name)
    for (let current = await this.read(key); ; ) {
      if (current === undefined) throw newNotFound(REPLICA_SETS, name)
      const written = await this.writeIfUnchanged(key, current, { type: 'deleteRange', key })
      if (written.ok) return current.obj
      current = written.current
    }
  }
}
