// The stored form of an object and back, with nothing cached: JSON without
// metadata.resourceVersion on the way in (the revision is the store's business, never the value's),
// and on the way out the object with resourceVersion set to the key's mod revision, as a string.
// The server's own codec (codec.ts) does the same and caches decoded objects; this plain pair is
// for code that writes to the store directly, such as lesson 04's registry.
// Mirrors PrepareObjectForStorage and UpdateObject of staging/src/k8s.io/apiserver/pkg/storage/
// api_object_versioner.go, as etcd3/store.go calls them around runtime.Encode / Decode.
import type { KubeObject } from '../registry/object.ts'

/** The value to store for `obj`: its JSON, without metadata.resourceVersion. */
export function encodeObject(obj: KubeObject): string {
  const meta = obj.metadata
  if (meta?.resourceVersion === undefined) return JSON.stringify(obj)
  return JSON.stringify({ ...obj, metadata: { ...meta, resourceVersion: undefined } })
}

/** The object a stored value holds, with metadata.resourceVersion = String(modRevision). */
export function decodeObject<T extends KubeObject>(value: string, modRevision: number): T {
  const obj = JSON.parse(value) as T
  obj.metadata = { ...obj.metadata, resourceVersion: String(modRevision) }
  return obj
}
