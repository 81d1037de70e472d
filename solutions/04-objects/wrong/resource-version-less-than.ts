// Wrong: compares resourceVersions as numbers and rejects only older ones (requested < stored), so a resourceVersion newer than the object's — a list's, say — is accepted.
import { ReplicaSetRegistry as Solution, type Current } from '../registry.ts'

export type { RegistryOptions } from '../registry.ts'

export class ReplicaSetRegistry extends Solution {
  protected override isStale(requested: string, current: Current): boolean {
    return Number(requested) < current.modRevision
  }
}
