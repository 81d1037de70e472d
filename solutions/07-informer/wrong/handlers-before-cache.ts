// Wrong: calls the handlers before updating the cache, so a handler that reads the cache (through a lister) sees the old state.
import type { KubeObject } from '../../../src/client/index.ts'
import { Informer as Correct, metaNamespaceKey } from '../informer.ts'

export * from '../informer.ts'

export class Informer extends Correct {
  protected override apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: KubeObject): void {
    const { indexer, handlers } = this.options
    const old = indexer.getByKey(metaNamespaceKey(obj))
    if (type === 'DELETED') {
      if (old === undefined) return
      for (const h of handlers) h.onDelete?.(obj)
      indexer.delete(old)
    } else if (old === undefined) {
      for (const h of handlers) h.onAdd?.(obj, false)
      indexer.add(obj)
    } else {
      for (const h of handlers) h.onUpdate?.(old, obj)
      indexer.update(obj)
    }
  }
}
