// Wrong: treats rangeEnd as inclusive, so a range [a, c) also returns c.
import { compareKeys, MvccStore as Solution, rangeContains, type KeyRange } from '../mvcc.ts'

export * from '../mvcc.ts' // the solution's, but for the MvccStore this file defines

export class MvccStore extends Solution {
  protected override keysIn(range: KeyRange): string[] {
    return [...this.history.keys()].filter((key) => rangeContains(range, key) || key === range.rangeEnd).sort(compareKeys)
  }
}
