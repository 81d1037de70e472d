// The one place that decides which store the engine runs on: the embedded MemoryStore, or a real
// etcd server when the caller passes an endpoint. Reads nothing from the environment itself — a
// cluster entry point reads KUBEPARTS_ETCD_ENDPOINT and passes it in. Mirrors the storage backend
// choice of kube-apiserver's --etcd-servers / --etcd-prefix flags
// (staging/src/k8s.io/apiserver/pkg/storage/storagebackend/factory/factory.go).
import type { Clock } from '../sim/clock.ts'
import { EtcdStore } from './etcd-store.ts'
import type { KeyValueStore } from './kv.ts'
import { MemoryStore } from './memory-store.ts'

/** kube-apiserver's default --etcd-prefix. */
export const DEFAULT_ETCD_KEY_PREFIX = '/registry/'

export interface CreateStoreOptions {
  /** The embedded store's time (and a network store's timers); RealClock for a live cluster. */
  readonly clock: Clock
  /** An etcd v3 client URL such as http://127.0.0.1:2379; absent or empty: the embedded store. */
  readonly etcdEndpoint?: string
  /** Where this cluster's keys live on the server (default /registry/); give each cluster its own. */
  readonly etcdKeyPrefix?: string
}

export function createStore(options: CreateStoreOptions): KeyValueStore {
  if (options.etcdEndpoint === undefined || options.etcdEndpoint === '') return new MemoryStore({ clock: options.clock })
  if (!/^https?:\/\/[^/]+\/?$/.test(options.etcdEndpoint)) {
    throw new RangeError(`etcd endpoint ${JSON.stringify(options.etcdEndpoint)}: want a client URL such as http://127.0.0.1:2379`)
  }
  return EtcdStore.connect({ clock: options.clock, endpoint: options.etcdEndpoint, keyPrefix: options.etcdKeyPrefix ?? DEFAULT_ETCD_KEY_PREFIX })
}
