// Wrong: a watch from now starts at the current revision instead of the next one, so it replays the last change, which the client has already read.
import { WatchHub as Solution, type WatchListener, type WatchRequest } from '../watch.ts'

export * from '../watch.ts' // the solution's, but for the WatchHub this file defines

export class WatchHub extends Solution {
  override watch(request: WatchRequest, listener: WatchListener): number {
    const fromNow = (request.startRevision ?? 0) <= 0
    return super.watch(fromNow ? { ...request, startRevision: this.history.currentRevision } : request, listener)
  }
}
