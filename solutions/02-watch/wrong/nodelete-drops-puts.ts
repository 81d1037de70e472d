// Wrong: reads the filters the wrong way round: noDelete drops puts and noPut drops deletes.
import { WatchHub as Solution, type Event, type RevisionBatch, type Watcher } from '../watch.ts'

export * from '../watch.ts' // the solution's, but for the WatchHub this file defines

export class WatchHub extends Solution {
  protected override matching(watcher: Watcher, batch: RevisionBatch): Event[] {
    const swapped = (watcher.request.filters ?? []).map((filter) => (filter === 'noPut' ? 'noDelete' : 'noPut'))
    return super.matching({ ...watcher, request: { ...watcher.request, filters: swapped } }, batch)
  }
}
