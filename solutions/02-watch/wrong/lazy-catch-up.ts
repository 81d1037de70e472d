// Wrong: catches a watch from the past up only at the next commit, so a progress notification can arrive before the history it vouches for (and with no further commit, the history never arrives).
import { WatchHub as Solution, type RevisionBatch, type Watcher } from '../watch.ts'

export * from '../watch.ts' // the solution's, but for the WatchHub this file defines

export class WatchHub extends Solution {
  /** Watches from the past still owed their history: etcd's unsynced group, synced here only at the next commit. */
  readonly #unsynced = new Set<Watcher>()

  protected override catchUp(watcher: Watcher): void {
    if (watcher.startRevision <= this.history.currentRevision) this.#unsynced.add(watcher)
  }

  protected override deliver(watcher: Watcher, batch: RevisionBatch): void {
    // The history through this new revision, in one response; or just the new revision.
    if (this.#unsynced.delete(watcher)) super.catchUp(watcher)
    else super.deliver(watcher, batch)
  }
}
