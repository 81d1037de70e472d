// One entry of the API server's resource registry: a kind's group/version, plural, scope,
// subresources, etcd key prefix and strategy; and the etcd key layout built from it.
// Mirrors the storage setup of pkg/registry/*/rest/storage_*.go (which kinds are served where)
// and the key functions of staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go
// (NamespaceKeyFunc: <prefix>/<namespace>/<name>, NoNamespaceKeyFunc: <prefix>/<name>), with the
// etcd prefixes of pkg/kubeapiserver/default_storage_factory_builder.go ("/registry/minions" for
// nodes, "/registry/services/specs" for services).
import type { GroupKind, GroupResource } from '../errors/api-errors.ts'
import type { AnyObject } from './object.ts'
import type { ResourceStrategy } from './strategy.ts'

/** The root of every key the API server writes (the --etcd-prefix default). */
export const REGISTRY_ROOT = '/registry/'

export interface ResourceInfo<T extends AnyObject = AnyObject> {
  readonly kind: string
  readonly group: string
  readonly version: string
  /** `v1` or `apps/v1`. */
  readonly apiVersion: string
  readonly plural: string
  readonly namespaced: boolean
  /** `/registry/pods/` — every object of this resource has a key under it. */
  readonly keyPrefix: string
  readonly strategy: ResourceStrategy<T>
  readonly groupResource: GroupResource
  readonly groupKind: GroupKind
  /**
   * Whether the cacher keeps this resource in memory (true for all but events). An uncached
   * resource's reads and watches go to storage, as generic.UndecoratedStorage makes them in
   * kube-apiserver (pkg/registry/core/event/storage/storage.go: caching every event would cost
   * too much memory).
   */
  readonly watchCache: boolean
}

export function resourceInfo<T extends AnyObject>(def: {
  kind: string
  group?: string
  version?: string
  plural: string
  namespaced: boolean
  etcdPrefix?: string
  strategy: ResourceStrategy<T>
  watchCache?: boolean
}): ResourceInfo {
  const group = def.group ?? ''
  const version = def.version ?? 'v1'
  return {
    kind: def.kind,
    group,
    version,
    apiVersion: group === '' ? version : `${group}/${version}`,
    plural: def.plural,
    namespaced: def.namespaced,
    keyPrefix: `${REGISTRY_ROOT}${def.etcdPrefix ?? def.plural}/`,
    strategy: def.strategy as unknown as ResourceStrategy,
    groupResource: { group, resource: def.plural },
    groupKind: { group, kind: def.kind },
    watchCache: def.watchCache ?? true,
  }
}

/** The key of one object: `/registry/pods/default/web`, `/registry/minions/node-1`. */
export function objectKey(info: ResourceInfo, namespace: string, name: string): string {
  return info.namespaced ? `${info.keyPrefix}${namespace}/${name}` : `${info.keyPrefix}${name}`
}

/** The key prefix of a list: the whole resource, or one namespace of it. */
export function listPrefix(info: ResourceInfo, namespace: string): string {
  return info.namespaced && namespace !== '' ? `${info.keyPrefix}${namespace}/` : info.keyPrefix
}
