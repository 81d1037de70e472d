// Wrong: bumps the revision once per write op instead of once per transaction, so a txn with two puts takes two revisions.
import { MvccStore as Solution, type TxnRequest, type TxnResponse } from '../mvcc.ts'

export * from '../mvcc.ts' // the solution's, but for the MvccStore this file defines

export class MvccStore extends Solution {
  /** Decides the branch once, then runs each of its ops as a transaction of its own. */
  override txn(request: TxnRequest): TxnResponse {
    const { succeeded } = this.decide(request)
    const ops = (succeeded ? request.success : request.failure) ?? []
    const responses = ops.map((op) => super.txn({ success: [op] }).responses[0])
    return { header: { revision: this.revision }, succeeded, responses }
  }
}
