// Wrong: treats the range end as inclusive, so a key equal to rangeEnd is watched too.
import { compareKeys, NO_END } from '../../../src/store/index.ts'
import { WatchHub as Solution, type KeyRange } from '../watch.ts'

export * from '../watch.ts' // the solution's, but for the WatchHub this file defines

export class WatchHub extends Solution {
  protected override inRange(range: KeyRange, key: string): boolean {
    const { key: start, rangeEnd } = range
    if (rangeEnd === undefined || rangeEnd === '') return key === start
    if (compareKeys(key, start) < 0) return false
    return rangeEnd === NO_END || compareKeys(key, rangeEnd) <= 0
  }
}
