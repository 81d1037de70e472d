// Wrong: shutDown throws away the items still queued, so changes that arrived before shutdown are never processed.
import { WorkQueue as Solution } from '../workqueue.ts'

export * from '../workqueue.ts' // the solution's, but for the class this file defines

export class WorkQueue<T> extends Solution<T> {
  override shutDown(): void {
    super.shutDown()
    for (const item of this.line) this.dirty.delete(item)
    this.line = []
  }
}
