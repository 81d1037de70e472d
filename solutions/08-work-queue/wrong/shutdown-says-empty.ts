// Wrong: after shutDown, get answers empty rather than shutdown once the queue is drained, so workers wait forever instead of stopping.
import { WorkQueue as Solution } from '../workqueue.ts'
import type { GetResult } from '../workqueue.ts'

export * from '../workqueue.ts' // the solution's, but for the class this file defines

export class WorkQueue<T> extends Solution<T> {
  override get(): GetResult<T> {
    if (this.line.length === 0) return { type: 'empty' }
    return super.get()
  }
}
