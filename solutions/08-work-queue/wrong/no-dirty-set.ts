// Wrong: keeps no dirty set, so an item added three times while it waits is queued and processed three times.
import { WorkQueue as Solution } from '../workqueue.ts'

export * from '../workqueue.ts' // the solution's, but for the class this file defines

export class WorkQueue<T> extends Solution<T> {
  override add(item: T): void {
    if (this.stopping) return
    if (this.processing.has(item)) this.dirty.add(item)
    else this.line.push(item)
  }
}
