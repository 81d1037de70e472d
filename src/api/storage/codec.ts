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

/**
 * How many just-encoded objects wait for their watch event before being forgotten. The store
 * delivers watch events while the write commits, so the one wanted is nearly always the newest.
 */
const FRESH_LIMIT = 64

export class ObjectCodec {
  // A ring searched newest first by identity (===), not a Map keyed by the text: a Map hashes
  // the whole JSON text of every write (about 2 µs for a pod) to find it again moments later.
  readonly #freshText: (string | undefined)[] = new Array<string | undefined>(FRESH_LIMIT).fill(undefined)
  readonly #freshObj: (KubeObject | undefined)[] = new Array<KubeObject | undefined>(FRESH_LIMIT).fill(undefined)
  #freshNext = 0
  readonly #latest = new Map<string, { readonly revision: number; readonly obj: KubeObject }>()

  /** The stored form of `obj` (which is frozen and kept: the caller must not change it after). */
  encode(obj: KubeObject): string {
    const meta = obj.metadata
    const stored: KubeObject = meta?.resourceVersion === undefined ? obj : { ...obj, metadata: { ...meta, resourceVersion: undefined } }
    deepFreeze(stored)
    const json = JSON.stringify(stored)
    this.#freshText[this.#freshNext] = json
    this.#freshObj[this.#freshNext] = stored
    this.#freshNext = (this.#freshNext + 1) % FRESH_LIMIT
    return json
  }

  /**
   * The object a stored kv holds, frozen, with resourceVersion = its mod revision. `remember`
   * false keeps it out of the latest-version memo: for resources nothing caches (events), which
   * would otherwise stay in memory for as long as they exist.
   */
  decode(kv: KeyValue, remember = true): KubeObject {
    const latest = this.#latest.get(kv.key)
    if (latest !== undefined && latest.revision === kv.modRevision) return latest.obj
    const base = this.#takeFresh(kv.value) ?? deepFreeze(JSON.parse(kv.value) as KubeObject)
    const obj = withResourceVersion(base, kv.modRevision)
    if (remember && (latest === undefined || latest.revision < kv.modRevision)) this.#latest.set(kv.key, { revision: kv.modRevision, obj })
    return obj
  }

  /** The object just encoded to exactly this text, if it is still in the ring; it leaves the ring. */
  #takeFresh(text: string): KubeObject | undefined {
    for (let n = 1; n <= FRESH_LIMIT; n++) {
      const i = (this.#freshNext - n + FRESH_LIMIT) % FRESH_LIMIT
      if (this.#freshText[i] === text) {
        const obj = this.#freshObj[i]
        this.#freshText[i] = undefined
        this.#freshObj[i] = undefined
        return obj
      }
    }
    return undefined
  }

  /** Forget a deleted key's cached version. */
  forget(key: string): void {
    this.#latest.delete(key)
  }
}
