// Wrong: shutDown only flips the flag that shuttingDown reports; add keeps accepting items, so workers never get to stop.
import { WorkQueue as Solution } from '../workqueue.ts'

export * from '../workqueue.ts' // the solution's, but for the class this file defines

export class WorkQueue<T> extends Solution<T> {
  override add(item: T): void {
    if (this.dirty.has(item)) return
    this.dirty.add(item)
    if (!this.processing.has(item)) this.line.push(item)
  }
}
