// Wrong: cancel forgets the watch's id but leaves a range watch in the range index, so it keeps receiving events.
import { WatchHub as Solution, type RevisionBatch, type Watcher, type WatchListener, type WatchRequest } from '../watch.ts'

export * from '../watch.ts' // the solution's, but for the WatchHub this file defines

export class WatchHub extends Solution {
  /** Range watches, also indexed apart as etcd's watcherGroup keeps them. cancel never takes one out. */
  readonly #ranges: Watcher[] = []

  override watch(request: WatchRequest, listener: WatchListener): number {
    const id = super.watch(request, listener)
    const watcher = this.watchers.get(id)
    if (watcher !== undefined && request.rangeEnd !== undefined && request.rangeEnd !== '') this.#ranges.push(watcher)
    return id
  }

  override notify(batch: RevisionBatch): void {
    super.notify(batch)
    // The range index still holds the canceled range watches, so they are served too.
    for (const watcher of this.#ranges) if (!this.watchers.has(watcher.id)) this.deliver(watcher, batch)
  }
}
