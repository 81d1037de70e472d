// Wrong: reads, decides, then writes with no compare on the key's mod revision, so a write based on a stale read can overwrite a newer version (a lost update).
import type { RequestOp } from '../../../src/store/index.ts'
import { ReplicaSetRegistry as Solution, type Current } from '../registry.ts'

export type { RegistryOptions } from '../registry.ts'

export class ReplicaSetRegistry extends Solution {
  protected override async writeIfUnchanged(_key: string, _current: Current, op: RequestOp): Promise<{ ok: true; revision: number }> {
    const response = await this.store.txn({ success: [op] })
    return { ok: true, revision: response.header.revision }
  }
}
