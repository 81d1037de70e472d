// Wrong: every put overwrites createRevision with its own revision, so an updated key forgets when it was created.
import { MvccStore as Solution, type KeyValue, type PutRequest } from '../mvcc.ts'

export * from '../mvcc.ts' // the solution's, but for the MvccStore this file defines

export class MvccStore extends Solution {
  protected override putKeyValue(request: PutRequest, prev: KeyValue | undefined, revision: number): KeyValue {
    return { ...super.putKeyValue(request, prev, revision), createRevision: revision }
  }
}
