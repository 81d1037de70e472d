// Wrong: checks the request's resourceVersion against the key's create revision instead of its mod revision, so after the first update every fresh copy is refused and the stale one accepted.
import { ReplicaSetRegistry as Solution, type Current } from '../registry.ts'

export type { RegistryOptions } from '../registry.ts'

export class ReplicaSetRegistry extends Solution {
  protected override isStale(requested: string, current: Current): boolean {
    return requested !== String(current.createRevision)
  }
}
