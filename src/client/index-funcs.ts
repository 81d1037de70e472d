// Index functions: each maps an object to the values it is filed under in one index, so a cache
// can answer "which objects have value V" without scanning. The namespace index is the one every
// lister uses.
// Mirrors IndexFunc, Indexers, Indices, MetaNamespaceIndexFunc and NamespaceIndex in client-go
// tools/cache/index.go.
import type { KubeObject } from '../api/registry/object.ts'

/** The values `obj` is indexed under (none, one, or several). */
export type IndexFunc<T extends KubeObject = KubeObject> = (obj: T) => readonly string[]

/** Index name → index function. */
export type Indexers<T extends KubeObject = KubeObject> = Readonly<Record<string, IndexFunc<T>>>

/** The name of the namespace index. */
export const NAMESPACE_INDEX = 'namespace'

/** Files an object under its namespace ("" for cluster-scoped objects). */
export function metaNamespaceIndexFunc(obj: KubeObject): readonly string[] {
  return [obj.metadata?.namespace ?? '']
}
