// How the client cache names objects: "namespace/name", or just "name" for cluster-scoped ones;
// and the tombstone an informer hands out when it learns of a delete only by its absence.
// Mirrors MetaNamespaceKeyFunc, SplitMetaNamespaceKey, DeletionHandlingMetaNamespaceKeyFunc
// (client-go tools/cache/store.go, controller.go) and DeletedFinalStateUnknown (delta_fifo.go).
import type { KubeObject } from '../api/registry/object.ts'

/**
 * An object that was deleted while the informer was not watching: the delete was found by a relist
 * not containing it. `obj` is the last state the informer knew, which may be stale; `key` is its
 * cache key.
 */
export class DeletedFinalStateUnknown<T extends KubeObject = KubeObject> {
  constructor(
    readonly key: string,
    readonly obj: T | undefined,
  ) {}
}

export function isDeletedFinalStateUnknown<T extends KubeObject>(value: T | DeletedFinalStateUnknown<T>): value is DeletedFinalStateUnknown<T> {
  return value instanceof DeletedFinalStateUnknown
}

/** The cache key: "namespace/name", or "name" when the object has no namespace. */
export function metaNamespaceKey(obj: KubeObject): string {
  const name = obj.metadata?.name
  if (name === undefined || name === '') throw new TypeError(`object has no metadata.name: ${JSON.stringify(obj)}`)
  const namespace = obj.metadata?.namespace
  return namespace ? `${namespace}/${name}` : name
}

/** The key of an object or of a tombstone (a tombstone already carries its key). */
export function deletionHandlingMetaNamespaceKey<T extends KubeObject>(obj: T | DeletedFinalStateUnknown<T>): string {
  return obj instanceof DeletedFinalStateUnknown ? obj.key : metaNamespaceKey(obj)
}

/** Split a key back into namespace and name ("" namespace for cluster-scoped keys). */
export function splitMetaNamespaceKey(key: string): { readonly namespace: string; readonly name: string } {
  const parts = key.split('/')
  if (parts.length === 1) return { namespace: '', name: parts[0] }
  if (parts.length === 2) return { namespace: parts[0], name: parts[1] }
  throw new TypeError(`unexpected key format: ${JSON.stringify(key)}`)
}

/** The object's resourceVersion ("" when unset). Opaque: compare for equality, never for order. */
export function resourceVersionOf(obj: KubeObject | undefined): string {
  return obj?.metadata?.resourceVersion ?? ''
}
