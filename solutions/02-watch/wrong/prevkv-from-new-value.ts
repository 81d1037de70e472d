// Wrong: takes prevKv from the new value (the event's own kv) instead of the value before the change.
import { WatchHub as Solution, type Event, type RevisionBatch, type Watcher } from '../watch.ts'

export * from '../watch.ts' // the solution's, but for the WatchHub this file defines

export class WatchHub extends Solution {
  protected override matching(watcher: Watcher, batch: RevisionBatch): Event[] {
    const withPrevKv = watcher.request.prevKv === true && this.prevKvReadable(batch.revision)
    return super.matching(watcher, batch).map(({ type, kv }) => (withPrevKv ? { type, kv, prevKv: kv } : { type, kv }))
  }
}
