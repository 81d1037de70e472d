// Wrong: compares a missing key's value as if it were the empty string, so `value != "red"` on a missing key succeeds.
import { missingKey, MvccStore as Solution, satisfies, type Compare } from '../mvcc.ts'

export * from '../mvcc.ts' // the solution's, but for the MvccStore this file defines

export class MvccStore extends Solution {
  protected override holds(compare: Compare): boolean {
    const missing = this.kvsIn(compare, this.revision).length === 0
    return missing ? satisfies(compare, missingKey) : super.holds(compare) // a value compare too, against ""
  }
}
