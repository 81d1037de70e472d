// Wrong: skips an event whose resourceVersion is not greater than the cached one, comparing them as strings, so "10" looks older than "9" and the update is dropped.
import type { KubeObject } from '../../../src/client/index.ts'
import { Informer as Correct, metaNamespaceKey, resourceVersionOf } from '../informer.ts'

export * from '../informer.ts'

export class Informer extends Correct {
  protected override apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: KubeObject): void {
    const old = this.options.indexer.getByKey(metaNamespaceKey(obj))
    if (old !== undefined && resourceVersionOf(obj) <= resourceVersionOf(old)) return
    super.apply(type, obj)
  }
}
