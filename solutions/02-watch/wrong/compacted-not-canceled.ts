// Wrong: a watch from a compacted revision silently starts from the oldest revision still kept instead of being canceled.
import { WatchHub as Solution, type WatchListener, type WatchRequest } from '../watch.ts'

export * from '../watch.ts' // the solution's, but for the WatchHub this file defines

export class WatchHub extends Solution {
  override watch(request: WatchRequest, listener: WatchListener): number {
    const requested = request.startRevision ?? 0
    const compacted = this.history.compactRevision
    // Moved up to the compaction, the watch is never canceled.
    return super.watch(requested > 0 && requested < compacted ? { ...request, startRevision: compacted } : request, listener)
  }
}
