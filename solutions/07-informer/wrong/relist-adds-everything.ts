// Wrong: a relist reports every listed object as added, even the ones the handlers already know.
import type { KubeObject } from '../../../src/client/index.ts'
import { DeletedFinalStateUnknown, Informer as Correct, metaNamespaceKey } from '../informer.ts'

export * from '../informer.ts'

export class Informer extends Correct {
  protected override replace(items: readonly KubeObject[]): void {
    const { indexer, handlers } = this.options
    const listed = new Set(items.map(metaNamespaceKey))
    for (const key of indexer.listKeys()) {
      if (listed.has(key)) continue
      const old = indexer.getByKey(key)!
      indexer.delete(old)
      for (const h of handlers) h.onDelete?.(new DeletedFinalStateUnknown(key, old))
    }
    for (const obj of items) {
      indexer.update(obj)
      for (const h of handlers) h.onAdd?.(obj, !this.synced)
    }
  }
}
