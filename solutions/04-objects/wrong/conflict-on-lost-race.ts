// Wrong: when the txn compare fails it answers 409 Conflict instead of reading again and deciding again, so an update without a resourceVersion is refused just for losing a race.
import type { RequestOp } from '../../../src/store/index.ts'
import { newConflict, optimisticLockErrorMsg } from '../../../src/api/errors/api-errors.ts'
import { REPLICA_SETS } from '../../../src/api/registry/replica-set-rules.ts'
import { ReplicaSetRegistry as Solution, type Current } from '../registry.ts'

export type { RegistryOptions } from '../registry.ts'

export class ReplicaSetRegistry extends Solution {
  protected override async writeIfUnchanged(key: string, current: Current, op: RequestOp) {
    const written = await super.writeIfUnchanged(key, current, op)
    if (!written.ok) throw newConflict(REPLICA_SETS, current.obj.metadata?.name ?? '', optimisticLockErrorMsg)
    return written
  }
}
