// How objects become stored values and back: JSON without metadata.resourceVersion on the way in
// (the revision is the store's business), and on the way out a frozen object whose
// resourceVersion is the key's mod revision. Decoding is cached, so the same version of an
// object is parsed at most once, however many reads and watchers see it:
// - an object this server just encoded is remembered by its JSON text, so the watch event that
//   write produces decodes without parsing;
// - the latest decoded version of each key is remembered by (key, mod revision).
// Mirrors the codec + versioner pair of staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go
// (PrepareObjectForStorage clears resourceVersion; decode sets it from kv.ModRevision).
import type { KeyValue } from '../../store/index.ts'
import { deepFreeze, withResourceVersion, type KubeObject } from '../registry/object.ts'

/** How many just-encoded objects wait for their watch event before being forgotten. */
const FRESH_LIMIT = 4096

export class ObjectCodec {
  readonly #fresh = new Map<string, KubeObject>()
  readonly #latest = new Map<string, { readonly revision: number; readonly obj: KubeObject }>()

  /** The stored form of `obj` (which is frozen and kept: the caller must not change it after). */
  encode(obj: KubeObject): string {
    const meta = obj.metadata
    const stored: KubeObject = meta?.resourceVersion === undefined ? obj : { ...obj, metadata: { ...meta, resourceVersion: undefined } }
    deepFreeze(stored)
    const json = JSON.stringify(stored)
    if (this.#fresh.size >= FRESH_LIMIT) this.#fresh.delete(this.#fresh.keys().next().value!)
    this.#fresh.set(json, stored)
    return json
  }

  /** The object a stored kv holds, frozen, with resourceVersion = its mod revision. */
  decode(kv: KeyValue): KubeObject {
    const latest = this.#latest.get(kv.key)
    if (latest !== undefined && latest.revision === kv.modRevision) return latest.obj
    let base = this.#fresh.get(kv.value)
    if (base !== undefined) this.#fresh.delete(kv.value)
    else base = deepFreeze(JSON.parse(kv.value) as KubeObject)
    const obj = withResourceVersion(base, kv.modRevision)
    if (latest === undefined || latest.revision < kv.modRevision) this.#latest.set(kv.key, { revision: kv.modRevision, obj })
    return obj
  }

  /** Forget a deleted key's cached version. */
  forget(key: string): void {
    this.#latest.delete(key)
  }
}
