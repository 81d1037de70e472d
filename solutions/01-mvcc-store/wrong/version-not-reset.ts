// Wrong: a key recreated after a delete continues the version count of its previous life instead of starting again at 1.
import { MvccStore as Solution, type KeyValue, type PutRequest } from '../mvcc.ts'

export * from '../mvcc.ts' // the solution's, but for the MvccStore this file defines

export class MvccStore extends Solution {
  protected override putKeyValue(request: PutRequest, prev: KeyValue | undefined, revision: number): KeyValue {
    // The last KeyValue ever put under the key, deleted since or not.
    const lastPut = this.history.get(request.key)?.findLast((change) => change.kv !== undefined)?.kv
    return { ...super.putKeyValue(request, prev, revision), version: (lastPut?.version ?? 0) + 1 }
  }
}
