// Wrong: hands out the most recently added item first (a stack, not a queue), so an early key can starve behind a stream of new ones.
import { WorkQueue as Solution } from '../workqueue.ts'
import type { GetResult } from '../workqueue.ts'

export * from '../workqueue.ts' // the solution's, but for the class this file defines

export class WorkQueue<T> extends Solution<T> {
  override get(): GetResult<T> {
    if (this.line.length === 0) return this.stopping ? { type: 'shutdown' } : { type: 'empty' }
    const item = this.line.pop() as T
    this.dirty.delete(item)
    this.processing.add(item)
    return { type: 'item', item }
  }
}
