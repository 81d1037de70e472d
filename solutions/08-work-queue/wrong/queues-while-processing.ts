// Wrong: an item added while a worker processes it is queued at once, so a second worker can take it before the first is done.
import { WorkQueue as Solution } from '../workqueue.ts'

export * from '../workqueue.ts' // the solution's, but for the class this file defines

export class WorkQueue<T> extends Solution<T> {
  override add(item: T): void {
    if (this.stopping || this.dirty.has(item)) return
    this.dirty.add(item)
    this.line.push(item)
  }

  override done(item: T): void {
    this.processing.delete(item)
  }
}
