// Wrong: sends each event in its own response, so the events of one transaction are split across responses.
import { WatchHub as Solution, type RevisionBatch, type Watcher } from '../watch.ts'

export * from '../watch.ts' // the solution's, but for the WatchHub this file defines

export class WatchHub extends Solution {
  protected override deliver(watcher: Watcher, batch: RevisionBatch): void {
    if (batch.revision < watcher.startRevision) return
    for (const event of this.matching(watcher, batch)) {
      watcher.listener({ type: 'events', watchId: watcher.id, header: { revision: batch.revision }, events: [event] })
    }
  }
}
