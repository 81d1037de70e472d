// Wrong: treats the start revision as the last revision already seen (> instead of >=), so the event at the start revision is never delivered.
import { WatchHub as Solution, type RevisionBatch, type Watcher } from '../watch.ts'

export * from '../watch.ts' // the solution's, but for the WatchHub this file defines

/** The watcher as if it were owed only the revisions after its start revision. */
const afterStart = (watcher: Watcher): Watcher => ({ ...watcher, startRevision: watcher.startRevision + 1 })

export class WatchHub extends Solution {
  protected override catchUp(watcher: Watcher): void {
    super.catchUp(afterStart(watcher))
  }

  protected override deliver(watcher: Watcher, batch: RevisionBatch): void {
    super.deliver(afterStart(watcher), batch)
  }
}
