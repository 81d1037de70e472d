// Listers: read-only views of an informer's cache by label selector and by namespace/name, so
// controllers read from memory instead of asking the API server.
// Mirrors ListAll, ListAllByNamespace, GenericLister and GenericNamespaceLister in client-go
// tools/cache/listers.go (the generated listers, e.g. listers/core/v1/pod.go, are the same shape).
import type { KubeObject } from '../api/registry/object.ts'
import { everything, isEmpty, matches, type Selector } from '../api/selectors/index.ts'
import { NAMESPACE_INDEX } from './index-funcs.ts'
import type { Indexer, Store } from './store.ts'

/** metav1.NamespaceAll: every namespace. */
export const NAMESPACE_ALL = ''

function labelsOf(obj: KubeObject): Readonly<Record<string, string>> {
  return obj.metadata?.labels ?? {}
}

/** The store's objects whose labels match `selector` (every object for the empty selector). */
export function listAll<T extends KubeObject>(store: Store<T>, selector: Selector): T[] {
  const all = store.list()
  return isEmpty(selector) ? all : all.filter((obj) => matches(selector, labelsOf(obj)))
}

/** The objects of one namespace (all of them for NAMESPACE_ALL) whose labels match `selector`, via the namespace index. */
export function listAllByNamespace<T extends KubeObject>(indexer: Indexer<T>, namespace: string, selector: Selector): T[] {
  if (namespace === NAMESPACE_ALL) return listAll(indexer, selector)
  const inNamespace = indexer.byIndex(NAMESPACE_INDEX, namespace)
  return isEmpty(selector) ? inNamespace : inNamespace.filter((obj) => matches(selector, labelsOf(obj)))
}

export class NamespaceLister<T extends KubeObject = KubeObject> {
  constructor(
    readonly indexer: Indexer<T>,
    readonly namespace: string,
  ) {}

  list(selector: Selector = everything()): T[] {
    return listAllByNamespace(this.indexer, this.namespace, selector)
  }

  /** The object named `name` in this namespace, or undefined (the API would answer NotFound). */
  get(name: string): T | undefined {
    return this.indexer.getByKey(`${this.namespace}/${name}`)
  }
}

export class Lister<T extends KubeObject = KubeObject> {
  constructor(readonly indexer: Indexer<T>) {}

  /** Every cached object whose labels match `selector`, across namespaces. */
  list(selector: Selector = everything()): T[] {
    return listAll(this.indexer, selector)
  }

  /** A cluster-scoped object by name, or a namespaced one by "namespace/name" key; undefined when absent. */
  get(name: string): T | undefined {
    return this.indexer.getByKey(name)
  }

  /** The objects of one namespace. */
  byNamespace(namespace: string): NamespaceLister<T> {
    return new NamespaceLister(this.indexer, namespace)
  }
}
