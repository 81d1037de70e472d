// Wrong: an item added while a worker processes it is dropped, so the change that arrived meanwhile is never reconciled.
import { WorkQueue as Solution } from '../workqueue.ts'

export * from '../workqueue.ts' // the solution's, but for the class this file defines

export class WorkQueue<T> extends Solution<T> {
  override add(item: T): void {
    if (this.stopping || this.dirty.has(item) || this.processing.has(item)) return
    this.dirty.add(item)
    this.line.push(item)
  }
}
