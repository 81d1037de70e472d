// Wrong: a relist only adds and updates, so an object deleted while the watch was down stays in the cache forever.
import type { KubeObject } from '../../../src/client/index.ts'
import { Informer as Correct, metaNamespaceKey, resourceVersionOf } from '../informer.ts'

export * from '../informer.ts'

export class Informer extends Correct {
  protected override replace(items: readonly KubeObject[]): void {
    const { indexer, handlers } = this.options
    for (const obj of items) {
      const old = indexer.getByKey(metaNamespaceKey(obj))
      if (old === undefined) {
        indexer.add(obj)
        for (const h of handlers) h.onAdd?.(obj, !this.synced)
      } else if (resourceVersionOf(old) !== resourceVersionOf(obj)) {
        indexer.update(obj)
        for (const h of handlers) h.onUpdate?.(old, obj)
      }
    }
  }
}
