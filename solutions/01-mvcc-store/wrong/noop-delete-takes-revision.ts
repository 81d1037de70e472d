// Wrong: a delete that finds nothing to delete still takes a revision.
import { MvccStore as Solution, type DeleteRangeRequest, type DeleteRangeResponse, type Txn } from '../mvcc.ts'

export * from '../mvcc.ts' // the solution's, but for the MvccStore this file defines

export class MvccStore extends Solution {
  protected override delete(txn: Txn, request: DeleteRangeRequest): DeleteRangeResponse {
    const response = super.delete(txn, request)
    txn.changed = true // even when nothing was deleted
    return { ...response, header: { revision: txn.begin + 1 } }
  }
}
